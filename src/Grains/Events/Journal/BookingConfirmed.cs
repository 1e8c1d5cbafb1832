namespace Grains.Events.Journal;

public sealed record BookingConfirmed(
    int Hold,
    int Booking,
    decimal Total,
    string? PaymentReference,
    DateTimeOffset At,
    IdempotencyRecord? Idempotency) : EventChange;
