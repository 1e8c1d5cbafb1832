namespace Grains.Abstractions;

/// <summary>How many matches (over all pages) have each city, category and tag.</summary>
[GenerateSerializer, Immutable, Alias("CatalogueFacets")]
public sealed record CatalogueFacets
{
    [Id(0)]
    public required IReadOnlyDictionary<string, int> City { get; init; }

    [Id(1)]
    public required IReadOnlyDictionary<string, int> Category { get; init; }

    [Id(2)]
    public required IReadOnlyDictionary<string, int> Tags { get; init; }
}
