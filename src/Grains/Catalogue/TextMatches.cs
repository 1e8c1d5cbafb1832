using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = Grains.Catalogue.CatalogueFields;

namespace Grains.Catalogue;

/// <summary>
/// The live documents matching every word of a text, per segment, with their relevance scores.
/// Every word must match; words of 5+ letters also match with one edit (an exact match scores
/// higher). Scored by the same query the index has always run, without the filters: a filter
/// narrows which documents match but never changes a score.
/// </summary>
internal sealed class TextMatches
{
    private const int FuzzyMinLength = 5;

    private TextMatches(Segment[] segments) => Segments = segments;

    /// <summary>Per segment of the searcher, in its order.</summary>
    public Segment[] Segments { get; }

    /// <summary>Roughly what this holds in memory.</summary>
    public long Bytes => Segments.Sum(s => 8L * s.Documents.Length + s.Bits.GetBits().Length * 8L);

    public static TextMatches Of(CatalogueSearcher searcher, IReadOnlyList<string> words)
    {
        var weight = searcher.CreateNormalizedWeight(Query(words));
        var segments = new Segment[searcher.Segments.Length];
        for (var s = 0; s < segments.Length; s++)
        {
            var context = searcher.Segments[s].Context;
            var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
            var documents = new List<int>();
            var scores = new List<float>();
            var scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is not null)
            {
                int doc;
                while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    bits.Set(doc);
                    documents.Add(doc);
                    scores.Add(scorer.GetScore());
                }
            }

            segments[s] = new Segment([.. documents], [.. scores], bits);
        }

        return new TextMatches(segments);
    }

    private static Query Query(IReadOnlyList<string> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var exact = new TermQuery(new Term(F.Text, word));
            if (word.Length < FuzzyMinLength)
            {
                query.Add(exact, Occur.MUST);
                continue;
            }

            exact.Boost = 2;
            query.Add(new BooleanQuery { { exact, Occur.SHOULD }, { new FuzzyQuery(new Term(F.Text, word), 1, 1), Occur.SHOULD } }, Occur.MUST);
        }

        return query;
    }

    /// <param name="Documents">Matching documents, ascending.</param>
    /// <param name="Scores">The score of each of <paramref name="Documents"/>.</param>
    /// <param name="Bits">The same documents as a set.</param>
    internal sealed record Segment(int[] Documents, float[] Scores, FixedBitSet Bits);
}
