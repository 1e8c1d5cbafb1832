namespace Grains.Abstractions;

public enum CatalogueSort
{
    StartAt,
    StartAtDescending,
    Price,
    Relevance,
}
