namespace Grains.Abstractions;

/// <summary>
/// A client's Idempotency-Key and a fingerprint of its request: the same key with the same
/// fingerprint replays the first answer; with another fingerprint it is refused (422).
/// </summary>
public sealed record Idempotency
{
    public required string Key { get; init; }

    public required string Fingerprint { get; init; }
}
