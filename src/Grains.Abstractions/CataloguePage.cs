namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("CataloguePage")]
public sealed record CataloguePage
{
    [Id(0)]
    public required IReadOnlyList<CatalogueItem> Items { get; init; }

    [Id(1)]
    public required int Page { get; init; }

    [Id(2)]
    public required int PageSize { get; init; }

    /// <summary>Matches over all pages.</summary>
    [Id(3)]
    public required int Total { get; init; }

    [Id(4)]
    public required CatalogueFacets Facets { get; init; }
}
