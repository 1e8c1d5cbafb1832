namespace Grains.Abstractions;

/// <summary>The editable description of an event (create and update carry it).</summary>
[GenerateSerializer, Immutable, Alias("EventDefinition")]
public sealed record EventDefinition
{
    [Id(0)]
    public required string Slug { get; init; }

    [Id(1)]
    public required string Title { get; init; }

    [Id(2)]
    public string? Description { get; init; }

    [Id(3)]
    public required DateTimeOffset StartAt { get; init; }

    [Id(4)]
    public required DateTimeOffset EndAt { get; init; }

    [Id(5)]
    public string? City { get; init; }

    [Id(6)]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(7)]
    public IReadOnlyList<string> HostIds { get; init; } = [];

    /// <summary>Price per seat type; "default" applies to seat types without their own price.</summary>
    [Id(8)]
    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    [Id(9)]
    public string Currency { get; init; } = "USD";

    [Id(10)]
    public int HoldTtlSeconds { get; init; } = 180;

    [Id(11)]
    public int MaxSeatsPerHold { get; init; } = 10;

    /// <summary>What kind of event it is ("concert", "conference"...), a catalogue filter and facet.</summary>
    [Id(12)]
    public string? Category { get; init; }

    /// <summary>Performers or speakers; searched as text and filtered by name.</summary>
    [Id(13)]
    public IReadOnlyList<string> Artists { get; init; } = [];

    /// <summary>How long seats offered to a waiting buyer stay held for them. Default 600 seconds.</summary>
    [Id(14)]
    public int WaitlistOfferSeconds { get; init; } = 600;
}
