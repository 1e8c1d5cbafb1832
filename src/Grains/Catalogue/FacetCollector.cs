using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>Counts the values of facet doc-value fields over every match, per segment by ordinal.</summary>
internal sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Length];
    private readonly int[][] _ordCounts = new int[fields.Length][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var f = 0; f < fields.Length; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[f]);
            _values[f] = values;
            _ordCounts[f] = values is null ? [] : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _values.Length; f++)
        {
            if (_values[f] is not { } values) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _ordCounts[f][ord]++;
        }
    }

    public IReadOnlyDictionary<string, int> Counts(int field)
    {
        Flush();
        return _counts[field];
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var f = 0; f < _values.Length; f++)
        {
            if (_values[f] is not { } values) continue;
            var ords = _ordCounts[f];
            for (var ord = 0; ord < ords.Length; ord++)
            {
                if (ords[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _counts[f][key] = _counts[f].GetValueOrDefault(key) + ords[ord];
                ords[ord] = 0;
            }

            _values[f] = null;
        }
    }
}
