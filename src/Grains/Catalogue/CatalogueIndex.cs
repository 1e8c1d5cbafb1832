using System.Collections.Concurrent;
using Grains.Abstractions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using F = Grains.Catalogue.CatalogueFields;

namespace Grains.Catalogue;

/// <summary>
/// An in-memory Lucene index of catalogue entries: full text (title, description, artists, tags)
/// with one-edit fuzzy matching of words of 5+ letters, exact filters, numeric ranges, sorted paging
/// and facet counts over every match. Thread-safe: one writer, searches on near-real-time readers
/// refreshed after each batch of changes. The entries themselves are kept beside the index, so
/// answers are built without reading stored fields.
/// <para>
/// Lucene stores and finds; a search does not go through its scorers and collectors but reads
/// what each refresh prepares (<see cref="CatalogueSearcher"/>): the matches are bit sets built
/// filter by filter, the text's matches and scores are computed once per generation and text,
/// pages come from each segment's sort orders and facets from its ordinals. A search over 10,000
/// events costs tens of microseconds instead of hundreds (docs/performance.md).
/// </para>
/// </summary>
public sealed class CatalogueIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Sort s_byRelevance = new(SortField.FIELD_SCORE, new SortField(F.SortStartAt, SortFieldType.INT64), new SortField(F.Id, SortFieldType.STRING));

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new StandardAnalyzer(Version, CharArraySet.Empty);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConcurrentDictionary<string, CatalogueEntry> _entries = new(StringComparer.Ordinal);

    // Searches match on the index as of the last refresh but show items from _entries; changes reach
    // _entries only once the index shows them too, so an item never reads newer than what matched it
    // (a search that showed an event as cancelled is never followed by one that finds it on sale).
    private readonly ConcurrentQueue<(string EventId, CatalogueEntry? Entry)> _staged = new();

    // The ids of the entries being made searchable, while a refresh reads the new segments' ids (SharedId).
    private Dictionary<string, string>? _refreshingIds;

    public CatalogueIndex()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE });
        _searchers = new SearcherManager(_writer, true, new CatalogueSearcher.Factory(SharedId));
    }

    public int Count => _entries.Count;

    /// <summary>Bytes the index files take in memory (entries beside it not counted).</summary>
    public long IndexBytes => _directory.GetSizeInBytes();

    /// <summary>The entries searches show (as of the last <see cref="Refresh"/>).</summary>
    public IEnumerable<CatalogueEntry> Entries => _entries.Values;

    /// <summary>Adds, replaces or (tombstones) removes entries; visible to searches after <see cref="Refresh"/>.</summary>
    public void Apply(IEnumerable<CatalogueEntry> entries)
    {
        foreach (var entry in entries)
        {
            var id = new Term(F.Id, entry.EventId);
            if (entry.Deleted)
            {
                _writer.DeleteDocuments(id);
                _staged.Enqueue((entry.EventId, null));
            }
            else
            {
                _writer.UpdateDocument(id, ToDocument(entry));
                _staged.Enqueue((entry.EventId, entry));
            }
        }
    }

    public void Remove(IEnumerable<string> eventIds)
    {
        foreach (var eventId in eventIds)
        {
            _writer.DeleteDocuments(new Term(F.Id, eventId));
            _staged.Enqueue((eventId, null));
        }
    }

    /// <summary>Makes what was applied searchable, then shown.</summary>
    public void Refresh()
    {
        var refreshing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (eventId, entry) in _staged)
        {
            if (entry is not null) refreshing[eventId] = entry.EventId;
        }

        _refreshingIds = refreshing;
        _searchers.MaybeRefreshBlocking();
        _refreshingIds = null;
        while (_staged.TryDequeue(out var change))
        {
            if (change.Entry is null) _entries.TryRemove(change.EventId, out _);
            else _entries[change.EventId] = change.Entry;
        }
    }

    /// <summary>The entry's own id string for <paramref name="id"/>, so the index's columns hold no second copy.</summary>
    private string SharedId(string id) =>
        _refreshingIds is { } refreshing && refreshing.TryGetValue(id, out var staged) ? staged
        : _entries.TryGetValue(id, out var entry) ? entry.EventId
        : id;

    public CataloguePage Search(CatalogueQuery query, Caller caller)
    {
        var window = Math.Max(1, query.Page * query.PageSize);
        var searcher = (CatalogueSearcher)_searchers.Acquire();
        try
        {
            var words = string.IsNullOrWhiteSpace(query.Text) ? [] : Analyze(F.Text, query.Text);
            var text = words.Count == 0 ? null : searcher.Text(words);
            var matches = CatalogueMatches.Of(searcher, query, caller, text);
            var counts = matches.Select(m => m is null ? 0 : (int)m.Cardinality).ToArray();
            var top = text is not null && query.Sort == CatalogueSort.Relevance
                ? TopMatches.ByRelevance(searcher, matches, text, window)
                : TopMatches.BySortKey(searcher, matches, counts, SortKeyOf(query.Sort), window);
            var items = new List<CatalogueItem>(query.PageSize);
            foreach (var (segment, doc) in top.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            {
                if (_entries.TryGetValue(searcher.Segments[segment].Columns.Ids[doc], out var entry)) items.Add(ToItem(entry));
            }

            return new CataloguePage
            {
                Items = items,
                Page = query.Page,
                PageSize = query.PageSize,
                Total = counts.Sum(),
                Facets = FacetCounts.Of(searcher, matches, counts),
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Up to <paramref name="max"/> titles whose words complete the prefix (its last word may be partial), those starting with it first.</summary>
    public IReadOnlyList<string> Suggest(string prefix, Caller caller, int max)
    {
        var words = Analyze(F.Title, prefix);
        if (words.Count == 0) return [];
        var titles = new BooleanQuery();
        for (var i = 0; i < words.Count - 1; i++) titles.Add(new TermQuery(new Term(F.Title, words[i])), Occur.MUST);
        titles.Add(new PrefixQuery(new Term(F.Title, words[^1])), Occur.MUST);
        var searcher = _searchers.Acquire();
        try
        {
            var query = new FilteredQuery(titles, new QueryWrapperFilter(Visibility(caller)));
            var hits = searcher.Search(query, null, max * 5, s_byRelevance).ScoreDocs;
            var found = hits
                .Select(h => _entries.TryGetValue(searcher.Doc(h.Doc).Get(F.Id), out var e) ? e.Title : null)
                .OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var trimmed = prefix.Trim();
            return found.Where(t => t.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))
                .Concat(found.Where(t => !t.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)))
                .Take(max)
                .ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Analytics of every event (of <paramref name="owner"/>, when given), drafts and cancelled ones
    /// included, by start time, with totals over all of them. Read from the entries, not the index:
    /// the only filter is the owner.
    /// </summary>
    public AnalyticsPage Analytics(string? owner, int page, int pageSize)
    {
        var events = _entries.Values
            .Where(e => e.Analytics is not null && (owner is null || e.OwnerId == owner))
            .OrderBy(e => e.StartAt)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        long capacity = 0, booked = 0, held = 0, created = 0, confirmed = 0, cancelled = 0;
        decimal revenue = 0;
        foreach (var a in events.Select(e => e.Analytics!))
        {
            capacity += a.Capacity;
            booked += a.Booked;
            held += a.Held;
            revenue += a.Revenue;
            created += a.HoldsCreated;
            confirmed += a.HoldsConfirmed;
            cancelled += a.BookingsCancelled;
        }

        return new AnalyticsPage
        {
            Items = events.Skip((page - 1) * pageSize).Take(pageSize).Select(e => e.Analytics!).ToList(),
            Totals = new AnalyticsTotals
            {
                Events = events.Count,
                Capacity = capacity,
                Booked = booked,
                Held = held,
                Revenue = revenue,
                HoldsCreated = created,
                HoldsConfirmed = confirmed,
                ConversionRate = created == 0 ? 0 : (double)confirmed / created,
                BookingsCancelled = cancelled,
            },
            Page = page,
            PageSize = pageSize,
            Total = events.Count,
        };
    }

    /// <summary>Relevance without words to score sorts by start, as every match would score alike.</summary>
    private static SortKey SortKeyOf(CatalogueSort sort) => sort switch
    {
        CatalogueSort.StartAtDescending => SortKey.StartAtDescending,
        CatalogueSort.Price => SortKey.Price,
        _ => SortKey.StartAt,
    };

    /// <summary>Published and cancelled events for everyone; drafts for their owner, hosts and admins.</summary>
    private static Query Visibility(Caller caller)
    {
        if (caller.IsAdmin) return new MatchAllDocsQuery();
        return new BooleanQuery
        {
            { new TermQuery(new Term(F.Status, "onsale")), Occur.SHOULD },
            { new TermQuery(new Term(F.Status, "cancelled")), Occur.SHOULD },
            { new TermQuery(new Term(F.Owner, caller.UserId)), Occur.SHOULD },
            { new TermQuery(new Term(F.Host, caller.UserId)), Occur.SHOULD },
        };
    }

    private List<string> Analyze(string field, string text)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) words.Add(term.ToString());
        stream.End();
        return words;
    }

    private static Document ToDocument(CatalogueEntry e)
    {
        var start = e.StartAt.ToUnixTimeMilliseconds();
        var doc = new Document
        {
            new StringField(F.Id, e.EventId, Field.Store.YES),
            new SortedDocValuesField(F.Id, new BytesRef(e.EventId)),
            new TextField(F.Text, string.Join(' ', [e.Title, e.Description ?? "", .. e.Artists, .. e.Tags]), Field.Store.NO),
            new TextField(F.Title, e.Title, Field.Store.NO),
            new StringField(F.Status, e.Status, Field.Store.NO),
            new StringField(F.Owner, e.OwnerId, Field.Store.NO),
            new Int64Field(F.StartAt, start, Field.Store.NO),
            new NumericDocValuesField(F.SortStartAt, start),
            new DoubleField(F.Price, (double)e.MinPrice, Field.Store.NO),
            new DoubleDocValuesField(F.SortPrice, (double)e.MinPrice),
            new Int32Field(F.Available, e.Analytics?.Available ?? 0, Field.Store.NO),
        };
        foreach (var host in e.HostIds) doc.Add(new StringField(F.Host, host, Field.Store.NO));
        if (!string.IsNullOrWhiteSpace(e.City))
        {
            doc.Add(new StringField(F.City, F.Key(e.City), Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(F.FacetCity, new BytesRef(e.City.Trim())));
        }

        if (!string.IsNullOrWhiteSpace(e.Category))
        {
            doc.Add(new StringField(F.Category, F.Key(e.Category), Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(F.FacetCategory, new BytesRef(e.Category.Trim())));
        }

        foreach (var tag in e.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            doc.Add(new StringField(F.Tag, F.Key(tag), Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(F.FacetTag, new BytesRef(tag.Trim())));
        }

        foreach (var artist in e.Artists.Where(a => !string.IsNullOrWhiteSpace(a))) doc.Add(new StringField(F.Artist, F.Key(artist), Field.Store.NO));
        return doc;
    }

    private static CatalogueItem ToItem(CatalogueEntry e) => new()
    {
        Id = e.EventId,
        Slug = e.Slug,
        Title = e.Title,
        StartAt = e.StartAt,
        EndAt = e.EndAt,
        City = e.City,
        Category = e.Category,
        Tags = e.Tags,
        Artists = e.Artists,
        MinPrice = e.MinPrice,
        Currency = e.Currency,
        Status = e.Status,
        Available = e.Status == "onsale" ? e.Analytics?.Available ?? 0 : 0,
    };

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
