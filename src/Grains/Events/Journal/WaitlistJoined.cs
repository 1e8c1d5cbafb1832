namespace Grains.Events.Journal;

/// <summary>A buyer joined the waiting list; entries are numbered in the order these are journaled.</summary>
public sealed record WaitlistJoined(string UserId, int Quantity, DateTimeOffset At) : EventChange;
