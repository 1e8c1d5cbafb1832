namespace Grains.Abstractions;

/// <summary>Email counts (all emails, or one user's). Opened emails count as sent too.</summary>
[GenerateSerializer, Immutable, Alias("EmailStats")]
public sealed record EmailStats
{
    [Id(0)]
    public required long Total { get; init; }

    [Id(1)]
    public required long Pending { get; init; }

    [Id(2)]
    public required long Sent { get; init; }

    [Id(3)]
    public required long Opened { get; init; }

    [Id(4)]
    public required long Failed { get; init; }

    /// <summary>Opened ÷ sent, 0..1 (0 when nothing was sent).</summary>
    [Id(5)]
    public required double OpenRate { get; init; }
}
