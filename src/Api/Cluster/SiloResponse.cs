namespace Api.Cluster;

public sealed record SiloResponse
{
    public required string SiloId { get; init; }

    public required string Address { get; init; }

    public required string Status { get; init; }

    public required double HeartbeatAgeSeconds { get; init; }

    public required int Activations { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
