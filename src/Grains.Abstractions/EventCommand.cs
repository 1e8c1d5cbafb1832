namespace Grains.Abstractions;

/// <summary>An organizer action without arguments (publish, cancel, read analytics).</summary>
public sealed record EventCommand
{
    public required Caller Caller { get; init; }

    public Idempotency? Idempotency { get; init; }
}
