namespace Grains.Abstractions;

public sealed record ConfirmHold
{
    public required Caller Caller { get; init; }

    public required string HoldId { get; init; }

    public string? PaymentReference { get; init; }

    public Idempotency? Idempotency { get; init; }
}
