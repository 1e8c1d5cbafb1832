namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ConfirmHold")]
public sealed record ConfirmHold
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required string HoldId { get; init; }

    [Id(2)]
    public string? PaymentReference { get; init; }

    [Id(3)]
    public Idempotency? Idempotency { get; init; }
}
