using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Grains.Catalogue;

/// <summary>Counts the values of facet doc-value fields over every match, per segment by ordinal (<see cref="SegmentFacets"/>).</summary>
internal sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly int[][] _ordCounts = new int[fields.Length][];
    private SegmentFacets? _segment;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = SegmentFacets.Of(context.AtomicReader, fields);
        for (var f = 0; f < fields.Length; f++) _ordCounts[f] = new int[_segment.Values[f].Length];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        for (var f = 0; f < _ordCounts.Length; f++)
        {
            var starts = segment.Starts[f];
            var ords = segment.Ords[f];
            var counts = _ordCounts[f];
            for (var i = starts[doc]; i < starts[doc + 1]; i++) counts[ords[i]]++;
        }
    }

    public IReadOnlyDictionary<string, int> Counts(int field)
    {
        Flush();
        return _counts[field];
    }

    private void Flush()
    {
        if (_segment is not { } segment) return;
        for (var f = 0; f < _ordCounts.Length; f++)
        {
            var counts = _ordCounts[f];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                var key = segment.Values[f][ord];
                _counts[f][key] = _counts[f].GetValueOrDefault(key) + counts[ord];
            }
        }

        _segment = null;
    }
}
