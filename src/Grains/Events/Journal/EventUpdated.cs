using Grains.Abstractions;

namespace Grains.Events.Journal;

public sealed record EventUpdated(EventDefinition Definition, DateTimeOffset At) : EventChange;
