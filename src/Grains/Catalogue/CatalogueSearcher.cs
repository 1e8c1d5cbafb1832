using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Grains.Catalogue;

/// <summary>
/// The searcher of one index generation (a refresh makes the next): its segments with their
/// columns and live documents, and the full-text matches of the texts searched while it is
/// current. Shared by concurrent searches: the segments are read-only once built, the text
/// matches are added once each.
/// </summary>
internal sealed class CatalogueSearcher : IndexSearcher
{
    /// <summary>Bytes of text matches one generation keeps (a generation lasts about a second under changes).</summary>
    private const long TextBudgetBytes = 32 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<TextMatches>> _texts = new(StringComparer.Ordinal);
    private long _textBytes;

    public CatalogueSearcher(IndexReader reader, Func<string, string> sharedId)
        : base(reader)
    {
        Segments = reader.Leaves.Select(context => new SearchSegment(context, sharedId)).ToArray();
    }

    public SearchSegment[] Segments { get; }

    /// <summary>
    /// The documents matching every word and their scores, computed once per generation and text
    /// while the generation's budget lasts (a text's matches and scores depend on the words and
    /// the index only, not on filters or the caller).
    /// </summary>
    public TextMatches Text(IReadOnlyList<string> words)
    {
        var key = string.Join(' ', words);
        if (_texts.TryGetValue(key, out var cached)) return cached.Value;
        if (Interlocked.Read(ref _textBytes) >= TextBudgetBytes) return TextMatches.Of(this, words);
        var lazy = _texts.GetOrAdd(key, _ => new Lazy<TextMatches>(() =>
        {
            var matches = TextMatches.Of(this, words);
            Interlocked.Add(ref _textBytes, matches.Bytes);
            return matches;
        }));
        return lazy.Value;
    }

    /// <summary>Makes a <see cref="CatalogueSearcher"/> for each generation, on the refreshing thread, so searches find the columns built.</summary>
    public sealed class Factory(Func<string, string> sharedId) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new CatalogueSearcher(reader, sharedId);
    }
}
