namespace Api.Cluster;

public sealed record ClusterResponse
{
    public required string Mode { get; init; }

    public required IReadOnlyList<SiloResponse> Silos { get; init; }
}
