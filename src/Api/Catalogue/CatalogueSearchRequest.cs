using System.ComponentModel;
using System.Globalization;
using Api.Requests;
using Grains.Abstractions;

namespace Api.Catalogue;

/// <summary>
/// The query string of GET /events. Bound as text and parsed here, so every bad parameter gets a
/// 400 problem that names it (never a binder error about .NET types).
/// </summary>
public sealed record CatalogueSearchRequest(
    [property: Description("Full text over title, description, artists and tags; words of 5+ letters match with one typo.")] string? Q,
    [property: Description("Events starting at or after this instant (ISO 8601).")] string? From,
    [property: Description("Events starting at or before this instant (ISO 8601).")] string? To,
    [property: Description("City, case-insensitive.")] string? City,
    [property: Description("Comma-separated tags; every one must match.")] string? Tags,
    [property: Description("Category, case-insensitive.")] string? Category,
    [property: Description("An artist's name, case-insensitive.")] string? Artist,
    [property: Description("Lowest price at least this.")] string? PriceMin,
    [property: Description("Lowest price at most this.")] string? PriceMax,
    [property: Description("Events of this owner (user id).")] string? Owner,
    [property: Description("true: only events on sale with seats free.")] string? Available,
    [property: Description("startAt (default), -startAt, price, relevance (default with q).")] string? Sort,
    [property: Description("Page number, from 1 (default 1).")] string? Page,
    [property: Description("Items per page, 1 to 100 (default 20).")] string? PageSize)
{
    public const int MaxPageSize = 100;
    public const int MaxTextLength = 200;

    /// <summary>Deepest result a search pages to (page × pageSize); the index is asked for no more.</summary>
    public const int MaxResultWindow = 10_000;

    public static readonly IReadOnlyDictionary<string, CatalogueSort> Sorts = new Dictionary<string, CatalogueSort>(StringComparer.Ordinal)
    {
        ["startAt"] = CatalogueSort.StartAt,
        ["-startAt"] = CatalogueSort.StartAtDescending,
        ["price"] = CatalogueSort.Price,
        ["relevance"] = CatalogueSort.Relevance,
    };

    /// <summary>The validated query, or null with <paramref name="errors"/> naming each bad parameter.</summary>
    public CatalogueQuery? ToQuery(ValidationErrors errors)
    {
        Fields.Text(errors, "q", Q, MaxTextLength);
        var from = Instant(errors, "from", From);
        var to = Instant(errors, "to", To);
        if (from is not null && to is not null && from > to) errors.Add("from", "from must not be after to.");
        Fields.Text(errors, "city", City, Fields.MaxNameLength);
        Fields.Text(errors, "category", Category, Fields.MaxNameLength);
        Fields.Text(errors, "artist", Artist, Fields.MaxNameLength);
        var tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tags.Length > 20) errors.Add("tags", "At most 20 tags.");
        var priceMin = Price(errors, "priceMin", PriceMin);
        var priceMax = Price(errors, "priceMax", PriceMax);
        if (priceMin is not null && priceMax is not null && priceMin > priceMax) errors.Add("priceMin", "priceMin must not be above priceMax.");
        if (Owner is not null && !Fields.IsUserId(Owner)) errors.Add("owner", "Not a user id.");
        bool available = false;
        if (Available is not null && !bool.TryParse(Available, out available)) errors.Add("available", "true or false.");
        var sort = string.IsNullOrWhiteSpace(Q) ? CatalogueSort.StartAt : CatalogueSort.Relevance;
        if (Sort is not null && !Sorts.TryGetValue(Sort, out sort)) errors.Add("sort", $"One of: {string.Join(", ", Sorts.Keys)}.");
        var (page, pageSize) = Paging(errors, Page, PageSize);
        if (!errors.IsEmpty) return null;
        return new CatalogueQuery
        {
            Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            From = from,
            To = to,
            City = Blank(City),
            Tags = tags,
            Category = Blank(Category),
            Artist = Blank(Artist),
            PriceMin = priceMin,
            PriceMax = priceMax,
            Owner = Owner,
            AvailableOnly = available,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        };
    }

    /// <summary>page (from 1) and pageSize (1 to 100), within the deepest result window.</summary>
    public static (int Page, int PageSize) Paging(ValidationErrors errors, string? page, string? pageSize)
    {
        var p = 1;
        var size = 20;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1)) errors.Add("page", "A whole number from 1.");
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize)) errors.Add("pageSize", $"A whole number from 1 to {MaxPageSize}.");
        if (errors.IsEmpty && (long)p * size > MaxResultWindow) errors.Add("page", $"page × pageSize may reach at most {MaxResultWindow} results; narrow the search.");
        return (p, size);
    }

    private static DateTimeOffset? Instant(ValidationErrors errors, string field, string? value)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        errors.Add(field, "An ISO 8601 date and time, e.g. 2027-06-01T19:00:00Z.");
        return null;
    }

    private static decimal? Price(ValidationErrors errors, string field, string? value)
    {
        if (value is null) return null;
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var price) && price >= 0) return price;
        errors.Add(field, "A price of 0 or more.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
