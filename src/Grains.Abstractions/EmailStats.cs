namespace Grains.Abstractions;

/// <summary>Email counts (all emails, or one user's). Opened emails count as sent too.</summary>
public sealed record EmailStats
{
    public required long Total { get; init; }

    public required long Pending { get; init; }

    public required long Sent { get; init; }

    public required long Opened { get; init; }

    public required long Failed { get; init; }

    /// <summary>Opened ÷ sent, 0..1 (0 when nothing was sent).</summary>
    public required double OpenRate { get; init; }
}
