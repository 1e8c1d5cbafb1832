namespace Grains.Abstractions;

/// <summary>Hold explicit seats, or a quantity chosen by best-available (optionally within a section or seat type).</summary>
public sealed record PlaceHold
{
    public required Caller Caller { get; init; }

    public IReadOnlyList<string>? Seats { get; init; }

    public int? Quantity { get; init; }

    public string? Section { get; init; }

    public string? SeatType { get; init; }

    public int? TtlSeconds { get; init; }

    public Idempotency? Idempotency { get; init; }

    /// <summary>
    /// Identifies one client request. While its hold is active, the same request sent again
    /// (after a lost answer) gets that hold back instead of a second one.
    /// </summary>
    public string? RequestId { get; init; }
}
