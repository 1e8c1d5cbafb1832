namespace Grains.Abstractions;

/// <summary>Read, release or extend a hold; only its owner (or an admin) may.</summary>
[GenerateSerializer, Immutable, Alias("HoldCommand")]
public sealed record HoldCommand
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required string HoldId { get; init; }

    /// <summary>For extend: the new time-to-live from now.</summary>
    [Id(2)]
    public int? TtlSeconds { get; init; }

    [Id(3)]
    public Idempotency? Idempotency { get; init; }
}
