namespace Grains.Abstractions;

/// <summary>A validated catalogue search (the API checks every field before it gets here).</summary>
[GenerateSerializer, Immutable, Alias("CatalogueQuery")]
public sealed record CatalogueQuery
{
    [Id(0)]
    public string? Text { get; init; }

    [Id(1)]
    public DateTimeOffset? From { get; init; }

    [Id(2)]
    public DateTimeOffset? To { get; init; }

    [Id(3)]
    public string? City { get; init; }

    /// <summary>Every one must match.</summary>
    [Id(4)]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(5)]
    public string? Category { get; init; }

    [Id(6)]
    public string? Artist { get; init; }

    [Id(7)]
    public decimal? PriceMin { get; init; }

    [Id(8)]
    public decimal? PriceMax { get; init; }

    [Id(9)]
    public string? Owner { get; init; }

    /// <summary>Only events on sale with seats free.</summary>
    [Id(10)]
    public bool AvailableOnly { get; init; }

    [Id(11)]
    public CatalogueSort Sort { get; init; } = CatalogueSort.StartAt;

    [Id(12)]
    public int Page { get; init; } = 1;

    [Id(13)]
    public int PageSize { get; init; } = 20;
}
