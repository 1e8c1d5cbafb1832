using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = Grains.Catalogue.CatalogueFields;

namespace Grains.Catalogue;

/// <summary>
/// What a search reads of one index segment, as plain arrays: each document's id, start and price
/// (the sort keys), the documents everyone may see and those on sale with seats free (the fixed
/// filters), facet ordinals, and the documents in each sort's order. A segment never changes once
/// written (deletions are applied per generation, see <see cref="SearchSegment"/>), so this is
/// built once per segment, when a refresh first opens it, and shared by every search after.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> s_cache = new();
    private static readonly string[] s_facetFields = [F.FacetCity, F.FacetCategory, F.FacetTag];

    private readonly SortOrder[] _orders;
    private readonly ConcurrentDictionary<(string Field, string Value), FixedBitSet> _frequentTerms = new();

    private SegmentColumns(AtomicReaderContext context, Func<string, string> sharedId)
    {
        var reader = context.AtomicReader;
        MaxDoc = reader.MaxDoc;
        Ids = new string[MaxDoc];
        StartAt = new long[MaxDoc];
        Price = new long[MaxDoc];
        var ids = reader.GetSortedDocValues(F.Id);
        var starts = reader.GetNumericDocValues(F.SortStartAt);
        var prices = reader.GetNumericDocValues(F.SortPrice);
        var term = new BytesRef();
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            ids?.Get(doc, term);
            Ids[doc] = ids is null ? "" : sharedId(term.Utf8ToString());
            StartAt[doc] = starts?.Get(doc) ?? 0;
            // The price field indexes the same double the doc value holds: compared as sortable bits, ranges and sorts order it as Lucene does.
            Price[doc] = NumericUtils.DoubleToSortableInt64(BitConverter.Int64BitsToDouble(prices?.Get(doc) ?? 0));
        }

        Public = Postings(reader, F.Status, "onsale");
        Public.Or(Postings(reader, F.Status, "cancelled"));
        OnSaleWithSeats = Postings(reader, F.Status, "onsale");
        var withSeats = new FixedBitSet(MaxDoc);
        var seats = NumericRangeFilter.NewInt32Range(F.Available, 1, null, true, true).GetDocIdSet(context, null)?.GetIterator();
        if (seats is not null) withSeats.Or(seats);
        OnSaleWithSeats.And(withSeats);
        Facets = SegmentFacets.Of(reader, s_facetFields);
        People = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { F.Owner, F.Host })
        {
            var terms = reader.GetTerms(field)?.GetEnumerator();
            while (terms is not null && terms.MoveNext()) People.Add(terms.Term.Utf8ToString());
        }

        // Built here, on the refreshing thread, rather than by the first search that sorts.
        _orders = [SortOrder.Of(this, SortKey.StartAt), SortOrder.Of(this, SortKey.StartAtDescending), SortOrder.Of(this, SortKey.Price)];
    }

    public int MaxDoc { get; }

    public string[] Ids { get; }

    /// <summary>Start, Unix milliseconds.</summary>
    public long[] StartAt { get; }

    /// <summary>Lowest price as <see cref="NumericUtils.DoubleToSortableInt64"/>.</summary>
    public long[] Price { get; }

    /// <summary>On sale or cancelled: what everyone may see (deleted documents included).</summary>
    public FixedBitSet Public { get; }

    /// <summary>On sale with at least one seat free (deleted documents included).</summary>
    public FixedBitSet OnSaleWithSeats { get; }

    /// <summary>Everyone who owns or hosts an event of the segment: whoever is not here sees only its public events.</summary>
    public HashSet<string> People { get; }

    /// <summary>City, category and tags, in that order.</summary>
    public SegmentFacets Facets { get; }

    /// <param name="context">The segment.</param>
    /// <param name="sharedId">An id string already held elsewhere for the id read, if any.</param>
    public static SegmentColumns Of(AtomicReaderContext context, Func<string, string> sharedId) =>
        s_cache.GetValue(context.AtomicReader.CoreCacheKey, _ => new SegmentColumns(context, sharedId));

    /// <summary>The segment's documents in the order of <paramref name="sort"/>.</summary>
    public SortOrder Order(SortKey sort) => _orders[(int)sort];

    /// <summary>
    /// Narrows <paramref name="bits"/> to the documents holding <paramref name="value"/> in
    /// <paramref name="field"/>; false when no document of the segment holds it. A value on one
    /// document in 32 or more is kept as a bit set (one AND); rarer ones are read from the postings.
    /// Only frequent values are kept, so what this holds stays below the size of the postings.
    /// </summary>
    public bool Narrow(AtomicReader reader, FixedBitSet bits, string field, string value)
    {
        if (_frequentTerms.TryGetValue((field, value), out var frequent))
        {
            bits.And(frequent);
            return true;
        }

        var terms = reader.GetTerms(field);
        if (terms is null) return false;
        var termsEnum = terms.GetEnumerator();
        if (!termsEnum.SeekExact(new BytesRef(value))) return false;
        if (termsEnum.DocFreq < FixedBitSet.Bits2words(MaxDoc) * 2)
        {
            bits.And(termsEnum.Docs(null, null, DocsFlags.NONE));
            return true;
        }

        frequent = new FixedBitSet(MaxDoc);
        frequent.Or(termsEnum.Docs(null, null, DocsFlags.NONE));
        _frequentTerms.TryAdd((field, value), frequent);
        bits.And(frequent);
        return true;
    }

    /// <summary>The documents holding <paramref name="value"/> in <paramref name="field"/> (deleted ones included).</summary>
    public static FixedBitSet Postings(AtomicReader reader, string field, string value)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        var docs = PostingsOf(reader, field, value);
        if (docs is not null) bits.Or(docs);
        return bits;
    }

    /// <summary>An iterator over the documents holding <paramref name="value"/> (of <paramref name="liveDocs"/>, when given), or null when none does.</summary>
    public static DocsEnum? PostingsOf(AtomicReader reader, string field, string value, IBits? liveDocs = null)
    {
        var terms = reader.GetTerms(field);
        if (terms is null) return null;
        var termsEnum = terms.GetEnumerator();
        return termsEnum.SeekExact(new BytesRef(value)) ? termsEnum.Docs(liveDocs, null, DocsFlags.NONE) : null;
    }
}
