namespace Grains.Events.Journal;

/// <summary>Outbox messages up to and including <see cref="UpTo"/> reached their receivers.</summary>
public sealed record OutboxDelivered(long UpTo) : EventChange;
