using Grains.Abstractions;

namespace Grains.Events.Journal;

/// <param name="Capacity">A general-admission event's new capacity; null when it did not change.</param>
public sealed record EventUpdated(EventDefinition Definition, DateTimeOffset At, int? Capacity = null) : EventChange;
