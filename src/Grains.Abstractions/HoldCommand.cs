namespace Grains.Abstractions;

/// <summary>Read, release or extend a hold; only its owner (or an admin) may.</summary>
public sealed record HoldCommand
{
    public required Caller Caller { get; init; }

    public required string HoldId { get; init; }

    /// <summary>For extend: the new time-to-live from now.</summary>
    public int? TtlSeconds { get; init; }

    public Idempotency? Idempotency { get; init; }
}
