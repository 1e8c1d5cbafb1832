namespace Grains.Events.Journal;

/// <summary>An Idempotency-Key as journaled with the change it produced.</summary>
public sealed record IdempotencyRecord(string Key, string Fingerprint);
