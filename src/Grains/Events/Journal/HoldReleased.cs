namespace Grains.Events.Journal;

/// <param name="At">When it was released; absent in entries journaled before the waiting list needed it.</param>
public sealed record HoldReleased(int Hold, IdempotencyRecord? Idempotency, DateTimeOffset? At = null) : EventChange;
