namespace Grains.Abstractions;

/// <summary>
/// A client's Idempotency-Key and a fingerprint of its request: the same key with the same
/// fingerprint replays the first answer; with another fingerprint it is refused (422).
/// </summary>
[GenerateSerializer, Immutable, Alias("Idempotency")]
public sealed record Idempotency
{
    [Id(0)]
    public required string Key { get; init; }

    [Id(1)]
    public required string Fingerprint { get; init; }
}
