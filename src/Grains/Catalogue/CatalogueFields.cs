namespace Grains.Catalogue;

/// <summary>Field names of the catalogue's Lucene documents.</summary>
internal static class CatalogueFields
{
    public const string Id = "id";
    public const string Text = "text";
    public const string Title = "title";
    public const string Status = "status";
    public const string Owner = "owner";
    public const string Host = "host";
    public const string City = "city";
    public const string Category = "category";
    public const string Tag = "tag";
    public const string Artist = "artist";
    public const string StartAt = "startAt";
    public const string Price = "price";
    public const string Available = "available";

    // Doc values: sort keys and facet values (as given, for display).
    public const string SortStartAt = "sort.startAt";
    public const string SortPrice = "sort.price";
    public const string FacetCity = "facet.city";
    public const string FacetCategory = "facet.category";
    public const string FacetTag = "facet.tag";

    /// <summary>Filters compare case-insensitively: keys are trimmed and lower-cased.</summary>
    public static string Key(string value) => value.Trim().ToLowerInvariant();
}
