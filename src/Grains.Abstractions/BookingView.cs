namespace Grains.Abstractions;

public sealed record BookingView
{
    public required string BookingId { get; init; }

    public required string EventId { get; init; }

    public required string UserId { get; init; }

    public required string HoldId { get; init; }

    public required IReadOnlyList<string> Seats { get; init; }

    public required int Quantity { get; init; }

    public required decimal Total { get; init; }

    public required string Currency { get; init; }

    /// <summary>confirmed or cancelled.</summary>
    public required string Status { get; init; }

    public string? PaymentReference { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }
}
