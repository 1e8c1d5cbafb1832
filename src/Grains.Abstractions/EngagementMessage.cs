namespace Grains.Abstractions;

/// <summary>
/// A fact about a user sent from an event grain's outbox. Delivered at least once; the user
/// grain applies each <see cref="Id"/> once, so counters stay exact.
/// </summary>
public sealed record EngagementMessage
{
    /// <summary>Unique per fact, e.g. "booking-confirmed:{bookingId}".</summary>
    public required string Id { get; init; }

    public required EngagementKind Kind { get; init; }

    public required string EventId { get; init; }

    public required string EventTitle { get; init; }

    public required DateTimeOffset EventStartAt { get; init; }

    public string? BookingId { get; init; }

    public IReadOnlyList<string> Seats { get; init; } = [];

    public int Quantity { get; init; }

    public decimal Total { get; init; }

    public string Currency { get; init; } = "USD";

    public required DateTimeOffset OccurredAt { get; init; }
}
