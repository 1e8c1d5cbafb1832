namespace Grains.Abstractions;

/// <summary>One entry of a user's booking index.</summary>
[GenerateSerializer, Immutable, Alias("UserBooking")]
public sealed record UserBooking
{
    [Id(0)]
    public required string BookingId { get; init; }

    [Id(1)]
    public required string EventId { get; init; }

    [Id(2)]
    public required string EventTitle { get; init; }

    [Id(3)]
    public required DateTimeOffset EventStartAt { get; init; }

    [Id(4)]
    public required IReadOnlyList<string> Seats { get; init; }

    [Id(5)]
    public required int Quantity { get; init; }

    [Id(6)]
    public required decimal Total { get; init; }

    [Id(7)]
    public required string Currency { get; init; }

    /// <summary>confirmed or cancelled.</summary>
    [Id(8)]
    public required string Status { get; init; }

    [Id(9)]
    public required DateTimeOffset BookedAt { get; init; }
}
