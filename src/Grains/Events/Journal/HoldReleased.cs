namespace Grains.Events.Journal;

public sealed record HoldReleased(int Hold, IdempotencyRecord? Idempotency) : EventChange;
