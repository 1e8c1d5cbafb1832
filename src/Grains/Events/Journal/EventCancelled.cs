namespace Grains.Events.Journal;

/// <summary>Releases every hold and cancels every booking of the event.</summary>
public sealed record EventCancelled(DateTimeOffset At, IdempotencyRecord? Idempotency) : EventChange;
