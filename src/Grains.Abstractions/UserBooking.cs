namespace Grains.Abstractions;

/// <summary>One entry of a user's booking index.</summary>
public sealed record UserBooking
{
    public required string BookingId { get; init; }

    public required string EventId { get; init; }

    public required string EventTitle { get; init; }

    public required DateTimeOffset EventStartAt { get; init; }

    public required IReadOnlyList<string> Seats { get; init; }

    public required int Quantity { get; init; }

    public required decimal Total { get; init; }

    public required string Currency { get; init; }

    /// <summary>confirmed or cancelled.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset BookedAt { get; init; }
}
