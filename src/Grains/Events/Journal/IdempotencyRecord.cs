namespace Grains.Events.Journal;

/// <summary>An Idempotency-Key as journaled with the change it produced.</summary>
/// <remarks><see cref="At"/> dates the key, so it can be forgotten after a retention period.</remarks>
public sealed record IdempotencyRecord(string Key, string Fingerprint, DateTimeOffset? At = null);
