namespace Grains.Abstractions;

/// <summary>One event in a catalogue answer; <see cref="Available"/> is at most a few seconds stale.</summary>
[GenerateSerializer, Immutable, Alias("CatalogueItem")]
public sealed record CatalogueItem
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Slug { get; init; }

    [Id(2)]
    public required string Title { get; init; }

    [Id(3)]
    public required DateTimeOffset StartAt { get; init; }

    [Id(4)]
    public required DateTimeOffset EndAt { get; init; }

    [Id(5)]
    public string? City { get; init; }

    [Id(6)]
    public string? Category { get; init; }

    [Id(7)]
    public required IReadOnlyList<string> Tags { get; init; }

    [Id(8)]
    public required IReadOnlyList<string> Artists { get; init; }

    [Id(9)]
    public required decimal MinPrice { get; init; }

    [Id(10)]
    public required string Currency { get; init; }

    [Id(11)]
    public required string Status { get; init; }

    [Id(12)]
    public required int Available { get; init; }
}
