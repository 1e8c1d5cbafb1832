namespace Grains.Events.Journal;

/// <summary>A buyer left the waiting list; a hold on offer to them is released by a change of its own.</summary>
public sealed record WaitlistLeft(string UserId, DateTimeOffset At) : EventChange;
