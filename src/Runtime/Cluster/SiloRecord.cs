namespace Runtime.Cluster;

/// <summary>One silo's row in the membership table.</summary>
public sealed record SiloRecord
{
    /// <summary>"host:port@generation": a restarted silo is a new member.</summary>
    public required string SiloId { get; init; }

    public required string Address { get; init; }

    public required long Generation { get; init; }

    public required SiloStatus Status { get; init; }

    public required DateTimeOffset HeartbeatAt { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public int Activations { get; init; }
}
