namespace Grains.Events.Journal;

public sealed record HoldExpired(int Hold) : EventChange;
