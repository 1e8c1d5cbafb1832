namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("CreateEvent")]
public sealed record CreateEvent
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required EventDefinition Definition { get; init; }

    /// <summary>Reserved seating from this venue's seat map; otherwise <see cref="Capacity"/> is general admission.</summary>
    [Id(2)]
    public string? VenueId { get; init; }

    [Id(3)]
    public int? Capacity { get; init; }

    [Id(4)]
    public bool Draft { get; init; }

    [Id(5)]
    public Idempotency? Idempotency { get; init; }
}
