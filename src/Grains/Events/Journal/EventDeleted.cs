namespace Grains.Events.Journal;

/// <summary>Removes an event without bookings: its holds end, its hosts and attendees lose it.</summary>
public sealed record EventDeleted(DateTimeOffset At) : EventChange;
