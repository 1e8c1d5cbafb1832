namespace Grains.Events.Journal;

public sealed record AttendeeRemoved(string UserId, DateTimeOffset At) : EventChange;
