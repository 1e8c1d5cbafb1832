namespace Grains.Events.Journal;

public sealed record HoldExtended(int Hold, DateTimeOffset ExpiresAt, IdempotencyRecord? Idempotency) : EventChange;
