namespace Grains.Catalogue;

/// <summary>
/// The orders of a page, on the segments' columns, as the index's sorts define them: start (then
/// id), start descending (then id), price (then start, then id), relevance (score descending, then
/// start, then id). Ids compare as their UTF-8 bytes do, which is how the index sorts strings.
/// </summary>
internal static class CatalogueOrder
{
    public static int Compare(SortKey sort, SegmentColumns a, int docA, SegmentColumns b, int docB)
    {
        var c = sort switch
        {
            SortKey.StartAtDescending => b.StartAt[docB].CompareTo(a.StartAt[docA]),
            SortKey.Price => a.Price[docA].CompareTo(b.Price[docB]) is var p && p != 0 ? p : a.StartAt[docA].CompareTo(b.StartAt[docB]),
            _ => a.StartAt[docA].CompareTo(b.StartAt[docB]),
        };
        return c != 0 ? c : CodePointCompare(a.Ids[docA], b.Ids[docB]);
    }

    public static int CompareRelevance(float scoreA, SegmentColumns a, int docA, float scoreB, SegmentColumns b, int docB)
    {
        var c = scoreB.CompareTo(scoreA);
        if (c != 0) return c;
        c = a.StartAt[docA].CompareTo(b.StartAt[docB]);
        return c != 0 ? c : CodePointCompare(a.Ids[docA], b.Ids[docB]);
    }

    /// <summary>
    /// Ordinal comparison by code point (= UTF-8 byte order). UTF-16 units order differently only
    /// where a surrogate meets a unit from U+E000 up: such a pair is swapped.
    /// </summary>
    public static int CodePointCompare(string a, string b)
    {
        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length) return a.Length - b.Length;
        int x = a[i], y = b[i];
        if (x >= 0xD800 && y >= 0xD800)
        {
            x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
            y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
        }

        return x - y;
    }
}
