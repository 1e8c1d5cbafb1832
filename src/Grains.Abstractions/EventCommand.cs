namespace Grains.Abstractions;

/// <summary>An organizer action without arguments (publish, cancel, read analytics).</summary>
[GenerateSerializer, Immutable, Alias("EventCommand")]
public sealed record EventCommand
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public Idempotency? Idempotency { get; init; }
}
