namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("BookingView")]
public sealed record BookingView
{
    [Id(0)]
    public required string BookingId { get; init; }

    [Id(1)]
    public required string EventId { get; init; }

    [Id(2)]
    public required string UserId { get; init; }

    [Id(3)]
    public required string HoldId { get; init; }

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
    public string? PaymentReference { get; init; }

    [Id(10)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(11)]
    public DateTimeOffset? CancelledAt { get; init; }
}
