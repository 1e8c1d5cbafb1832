namespace Grains.Abstractions;

public sealed record CreateEvent
{
    public required Caller Caller { get; init; }

    public required EventDefinition Definition { get; init; }

    /// <summary>Reserved seating from this venue's seat map; otherwise <see cref="Capacity"/> is general admission.</summary>
    public string? VenueId { get; init; }

    public int? Capacity { get; init; }

    public bool Draft { get; init; }

    public Idempotency? Idempotency { get; init; }
}
