namespace Grains.Abstractions;

/// <summary>Hold explicit seats, or a quantity chosen by best-available (optionally within a section or seat type).</summary>
[GenerateSerializer, Immutable, Alias("PlaceHold")]
public sealed record PlaceHold
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public IReadOnlyList<string>? Seats { get; init; }

    [Id(2)]
    public int? Quantity { get; init; }

    [Id(3)]
    public string? Section { get; init; }

    [Id(4)]
    public string? SeatType { get; init; }

    [Id(5)]
    public int? TtlSeconds { get; init; }

    [Id(6)]
    public Idempotency? Idempotency { get; init; }

    /// <summary>
    /// Identifies one client request. While its hold is active, the same request sent again
    /// (after a lost answer) gets that hold back instead of a second one.
    /// </summary>
    [Id(7)]
    public string? RequestId { get; init; }
}
