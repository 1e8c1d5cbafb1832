namespace Grains.Events.Journal;

public sealed record BookingCancelled(int Booking, DateTimeOffset At, IdempotencyRecord? Idempotency) : EventChange;
