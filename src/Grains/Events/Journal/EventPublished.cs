namespace Grains.Events.Journal;

public sealed record EventPublished(DateTimeOffset At) : EventChange;
