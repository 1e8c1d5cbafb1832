namespace Grains.Abstractions;

/// <summary>
/// A fact about a user sent from an event grain's outbox. Delivered at least once; the user
/// grain applies each <see cref="Id"/> once, so counters stay exact.
/// </summary>
[GenerateSerializer, Immutable, Alias("EngagementMessage")]
public sealed record EngagementMessage
{
    /// <summary>Unique per fact, e.g. "booking-confirmed:{bookingId}".</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required EngagementKind Kind { get; init; }

    [Id(2)]
    public required string EventId { get; init; }

    [Id(3)]
    public required string EventTitle { get; init; }

    [Id(4)]
    public required DateTimeOffset EventStartAt { get; init; }

    [Id(5)]
    public string? BookingId { get; init; }

    [Id(6)]
    public IReadOnlyList<string> Seats { get; init; } = [];

    [Id(7)]
    public int Quantity { get; init; }

    [Id(8)]
    public decimal Total { get; init; }

    [Id(9)]
    public string Currency { get; init; } = "USD";

    [Id(10)]
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The hold offered to a waiting buyer (<see cref="EngagementKind.WaitlistOffer"/>).</summary>
    [Id(11)]
    public string? HoldId { get; init; }

    /// <summary>Until when the offered hold is theirs.</summary>
    [Id(12)]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// The access token of the booking's tickets link, on booking-confirmed and booking-reminder
    /// messages: signed by the event grain with the event's ticket key when it delivers the message
    /// (messages queued before tickets links existed, or of other kinds, carry none).
    /// </summary>
    [Id(13)]
    public string? TicketsAccess { get; init; }
}
