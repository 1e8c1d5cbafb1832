namespace Grains.Events;

public sealed class BookingRecord
{
    public required int Number { get; init; }

    public required int Hold { get; init; }

    public required string UserId { get; init; }

    public required int[] Seats { get; init; }

    public required int Quantity { get; init; }

    public required decimal Total { get; init; }

    public string? PaymentReference { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    public bool IsCancelled => CancelledAt is not null;
}
