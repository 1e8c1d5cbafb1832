namespace Grains.Catalogue;

/// <summary>The orders a page can be sorted in besides relevance; each ends on start time and id, so the order is total.</summary>
internal enum SortKey
{
    /// <summary>Start, then id.</summary>
    StartAt,

    /// <summary>Start, latest first, then id.</summary>
    StartAtDescending,

    /// <summary>Lowest price, then start, then id.</summary>
    Price,
}
