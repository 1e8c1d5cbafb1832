using System.Numerics;
using Grains.Abstractions;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>
/// How many matches have each city, category and tag: per segment by ordinal, document by document
/// or value by value, whichever takes fewer steps (<see cref="SegmentFacets"/>), then by value,
/// segments in order and ordinals ascending.
/// </summary>
internal static class FacetCounts
{
    public static CatalogueFacets Of(CatalogueSearcher searcher, FixedBitSet?[] matches, int[] cardinalities)
    {
        var byValue = new[] { new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal) };
        for (var s = 0; s < matches.Length; s++)
        {
            if (matches[s] is not { } bits) continue;
            var facets = searcher.Segments[s].Columns.Facets;
            var counts = cardinalities[s] * facets.ByDocumentCostPerMatch > facets.ByValueCost ? ByValue(facets, bits) : ByDocument(facets, bits);
            for (var f = 0; f < counts.Length; f++)
            {
                for (var ord = 0; ord < counts[f].Length; ord++)
                {
                    if (counts[f][ord] == 0) continue;
                    var key = facets.Values[f][ord];
                    byValue[f][key] = byValue[f].GetValueOrDefault(key) + counts[f][ord];
                }
            }
        }

        return new CatalogueFacets { City = byValue[0], Category = byValue[1], Tags = byValue[2] };
    }

    private static int[][] ByDocument(SegmentFacets facets, FixedBitSet bits)
    {
        var counts = new int[facets.Values.Length][];
        for (var f = 0; f < counts.Length; f++) counts[f] = new int[facets.Values[f].Length];
        foreach (var doc in new SetBits(bits))
        {
            for (var f = 0; f < counts.Length; f++)
            {
                var starts = facets.Starts[f];
                var ords = facets.Ords[f];
                var fieldCounts = counts[f];
                for (var i = starts[doc]; i < starts[doc + 1]; i++) fieldCounts[ords[i]]++;
            }
        }

        return counts;
    }

    private static int[][] ByValue(SegmentFacets facets, FixedBitSet bits)
    {
        var counts = new int[facets.Values.Length][];
        var words = bits.GetBits();
        for (var f = 0; f < counts.Length; f++)
        {
            counts[f] = new int[facets.Values[f].Length];
            for (var ord = 0; ord < counts[f].Length; ord++)
            {
                if (facets.DocumentBits[f][ord] is { } valueBits)
                {
                    counts[f][ord] = IntersectionCount(words, valueBits.GetBits());
                    continue;
                }

                var n = 0;
                foreach (var doc in facets.Documents[f][ord])
                {
                    if (bits.Get(doc)) n++;
                }

                counts[f][ord] = n;
            }
        }

        return counts;
    }

    private static int IntersectionCount(long[] a, long[] b)
    {
        var n = 0;
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++) n += BitOperations.PopCount((ulong)(a[i] & b[i]));
        return n;
    }
}
