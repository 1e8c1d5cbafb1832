namespace Grains.Abstractions;

/// <summary>Read or cancel a booking; its owner, the event's owner or an admin may.</summary>
[GenerateSerializer, Immutable, Alias("BookingCommand")]
public sealed record BookingCommand
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required string BookingId { get; init; }

    [Id(2)]
    public Idempotency? Idempotency { get; init; }
}
