namespace Grains.Abstractions;

/// <summary>
/// What the catalogue knows of one event, pushed by its event grain. <see cref="Version"/> is the
/// event's durable journal sequence when the entry was made: a store keeps the highest version, so
/// stale or reordered pushes change nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("CatalogueEntry")]
public sealed record CatalogueEntry
{
    [Id(0)]
    public required string EventId { get; init; }

    [Id(1)]
    public required long Version { get; init; }

    /// <summary>A tombstone: the event was deleted.</summary>
    [Id(2)]
    public bool Deleted { get; init; }

    [Id(3)]
    public string Slug { get; init; } = "";

    [Id(4)]
    public string Title { get; init; } = "";

    /// <summary>The start of the description (searched as text), at most CatalogueOptions.MaxDescriptionLength characters.</summary>
    [Id(5)]
    public string? Description { get; init; }

    [Id(6)]
    public DateTimeOffset StartAt { get; init; }

    [Id(7)]
    public DateTimeOffset EndAt { get; init; }

    [Id(8)]
    public string? City { get; init; }

    [Id(9)]
    public string? Category { get; init; }

    [Id(10)]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(11)]
    public IReadOnlyList<string> Artists { get; init; } = [];

    [Id(12)]
    public string OwnerId { get; init; } = "";

    [Id(13)]
    public IReadOnlyList<string> HostIds { get; init; } = [];

    /// <summary>The lowest of the event's prices.</summary>
    [Id(14)]
    public decimal MinPrice { get; init; }

    [Id(15)]
    public string Currency { get; init; } = "USD";

    /// <summary>draft, onsale or cancelled.</summary>
    [Id(16)]
    public string Status { get; init; } = "";

    [Id(17)]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Analytics as of <see cref="Version"/> (capacity, seats, revenue, hold counters).</summary>
    [Id(18)]
    public EventAnalytics? Analytics { get; init; }
}
