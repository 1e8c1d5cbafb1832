namespace Grains.Events;

/// <summary>What an Idempotency-Key produced: the operation and the hold or booking number.</summary>
public sealed record IdempotencyEntry(string Fingerprint, string Operation, int Number, DateTimeOffset At);
