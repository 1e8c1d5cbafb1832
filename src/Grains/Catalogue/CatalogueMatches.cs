using Grains.Abstractions;
using Lucene.Net.Util;
using F = Grains.Catalogue.CatalogueFields;

namespace Grains.Catalogue;

/// <summary>
/// Which documents of each segment a search matches: visible to the caller, matching the text (if
/// any) and every filter. Built as bit sets from the segments' columns and postings, one cheap
/// step per filter, with no scoring.
/// </summary>
internal static class CatalogueMatches
{
    /// <summary>Per segment of <paramref name="searcher"/>: the matches, or null when there are none.</summary>
    public static FixedBitSet?[] Of(CatalogueSearcher searcher, CatalogueQuery query, Caller caller, TextMatches? text)
    {
        var matches = new FixedBitSet?[searcher.Segments.Length];
        var terms = TermFilters(query);
        var from = query.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var to = query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var byDate = query.From is not null || query.To is not null;
        var priceMin = query.PriceMin is { } min ? NumericUtils.DoubleToSortableInt64((double)min) : long.MinValue;
        var priceMax = query.PriceMax is { } max ? NumericUtils.DoubleToSortableInt64((double)max) : long.MaxValue;
        var byPrice = query.PriceMin is not null || query.PriceMax is not null;
        for (var s = 0; s < matches.Length; s++)
        {
            var segment = searcher.Segments[s];
            var columns = segment.Columns;
            var reader = segment.Context.AtomicReader;
            var bits = Visible(segment, caller);
            if (text is not null) bits.And(text.Segments[s].Bits);
            if (!terms.All(t => columns.Narrow(reader, bits, t.Field, t.Value))) continue;
            if (query.AvailableOnly) bits.And(columns.OnSaleWithSeats);
            if (byDate || byPrice)
            {
                foreach (var doc in new SetBits(bits))
                {
                    var start = columns.StartAt[doc];
                    var price = columns.Price[doc];
                    if (start < from || start > to || price < priceMin || price > priceMax) bits.Clear(doc);
                }
            }

            matches[s] = bits;
        }

        return matches;
    }

    /// <summary>Published and cancelled events for everyone; drafts for their owner, hosts and admins.</summary>
    private static FixedBitSet Visible(SearchSegment segment, Caller caller)
    {
        if (caller.IsAdmin) return segment.Live.Clone();
        var bits = segment.LivePublic.Clone();
        if (!segment.Columns.People.Contains(caller.UserId)) return bits;
        var reader = segment.Context.AtomicReader;
        foreach (var field in new[] { F.Owner, F.Host })
        {
            var docs = SegmentColumns.PostingsOf(reader, field, caller.UserId, reader.LiveDocs);
            if (docs is not null) bits.Or(docs);
        }

        return bits;
    }

    /// <summary>The exact-value filters, as (field, indexed term).</summary>
    private static List<(string Field, string Value)> TermFilters(CatalogueQuery query)
    {
        var terms = new List<(string, string)>();
        if (query.City is { } city) terms.Add((F.City, F.Key(city)));
        if (query.Category is { } category) terms.Add((F.Category, F.Key(category)));
        if (query.Artist is { } artist) terms.Add((F.Artist, F.Key(artist)));
        if (query.Owner is { } owner) terms.Add((F.Owner, owner));
        foreach (var tag in query.Tags) terms.Add((F.Tag, F.Key(tag)));
        return terms;
    }
}
