namespace Grains.Abstractions;

/// <summary>Read or cancel a booking; its owner, the event's owner or an admin may.</summary>
public sealed record BookingCommand
{
    public required Caller Caller { get; init; }

    public required string BookingId { get; init; }

    public Idempotency? Idempotency { get; init; }
}
