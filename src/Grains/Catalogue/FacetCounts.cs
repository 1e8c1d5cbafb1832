using Grains.Abstractions;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>
/// How many matches have each city, category and tag: per segment by ordinal over the match bits
/// (<see cref="SegmentFacets"/>), then by value, segments in order and ordinals ascending.
/// </summary>
internal static class FacetCounts
{
    public static CatalogueFacets Of(CatalogueSearcher searcher, FixedBitSet?[] matches)
    {
        var byValue = new[] { new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal) };
        for (var s = 0; s < matches.Length; s++)
        {
            if (matches[s] is not { } bits) continue;
            var facets = searcher.Segments[s].Columns.Facets;
            var counts = new int[byValue.Length][];
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
}
