using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>
/// The first <c>window</c> matches of a search in page order, as (segment, document). Sorted
/// pages read each segment's precomputed order: a large match set is walked along it until the
/// window is full, a small one is sorted by rank. Relevance keeps the best scored in a heap.
/// </summary>
internal static class TopMatches
{
    public static List<(int Segment, int Doc)> BySortKey(CatalogueSearcher searcher, FixedBitSet?[] matches, int[] counts, SortKey sort, int window)
    {
        var perSegment = new List<int[]>();
        var segmentOf = new List<int>();
        for (var s = 0; s < matches.Length; s++)
        {
            if (matches[s] is not { } bits || counts[s] == 0) continue;
            var order = searcher.Segments[s].Columns.Order(sort);
            perSegment.Add((long)counts[s] * counts[s] >= (long)window * bits.Length ? Walk(order, bits, window) : SortByRank(order, bits, counts[s], window));
            segmentOf.Add(s);
        }

        return Merge(searcher, perSegment, segmentOf, sort, window);
    }

    public static List<(int Segment, int Doc)> ByRelevance(CatalogueSearcher searcher, FixedBitSet?[] matches, TextMatches text, int window)
    {
        var segments = searcher.Segments;
        var worstFirst = Comparer<(int Segment, int Doc, float Score)>.Create((a, b) =>
            CatalogueOrder.CompareRelevance(b.Score, segments[b.Segment].Columns, b.Doc, a.Score, segments[a.Segment].Columns, a.Doc));
        var best = new PriorityQueue<(int Segment, int Doc, float Score), (int Segment, int Doc, float Score)>(window + 1, worstFirst);
        for (var s = 0; s < matches.Length; s++)
        {
            if (matches[s] is not { } bits) continue;
            var (documents, scores, _) = text.Segments[s];
            for (var i = 0; i < documents.Length; i++)
            {
                if (!bits.Get(documents[i])) continue;
                var hit = (s, documents[i], scores[i]);
                if (best.Count < window) best.Enqueue(hit, hit);
                else if (worstFirst.Compare(hit, best.Peek()) > 0) best.DequeueEnqueue(hit, hit);
            }
        }

        var top = new (int Segment, int Doc)[best.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            var (segment, doc, _) = best.Dequeue();
            top[i] = (segment, doc);
        }

        return [.. top];
    }

    private static int[] Walk(SortOrder order, FixedBitSet bits, int window)
    {
        var found = new List<int>(window);
        foreach (var doc in order.Documents)
        {
            if (!bits.Get(doc)) continue;
            found.Add(doc);
            if (found.Count == window) break;
        }

        return [.. found];
    }

    private static int[] SortByRank(SortOrder order, FixedBitSet bits, int count, int window)
    {
        var ranks = new int[count];
        var i = 0;
        foreach (var doc in new SetBits(bits)) ranks[i++] = order.Ranks[doc];
        Array.Sort(ranks);
        var top = new int[Math.Min(window, count)];
        for (i = 0; i < top.Length; i++) top[i] = order.Documents[ranks[i]];
        return top;
    }

    /// <summary>The first <paramref name="window"/> of the segments' sorted lists, merged.</summary>
    private static List<(int Segment, int Doc)> Merge(CatalogueSearcher searcher, List<int[]> perSegment, List<int> segmentOf, SortKey sort, int window)
    {
        var merged = new List<(int, int)>(window);
        var heads = new int[perSegment.Count];
        while (merged.Count < window)
        {
            var next = -1;
            for (var l = 0; l < perSegment.Count; l++)
            {
                if (heads[l] >= perSegment[l].Length) continue;
                if (next < 0) next = l;
                else
                {
                    var candidate = searcher.Segments[segmentOf[l]].Columns;
                    var current = searcher.Segments[segmentOf[next]].Columns;
                    if (CatalogueOrder.Compare(sort, candidate, perSegment[l][heads[l]], current, perSegment[next][heads[next]]) < 0) next = l;
                }
            }

            if (next < 0) break;
            merged.Add((segmentOf[next], perSegment[next][heads[next]++]));
        }

        return merged;
    }
}
