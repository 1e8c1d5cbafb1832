namespace Grains.Events.Journal;

public sealed record AttendeeAdded(string UserId, DateTimeOffset At) : EventChange;
