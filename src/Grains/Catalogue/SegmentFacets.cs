using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>
/// The facet values of one index segment as plain arrays: per field, each document's value ordinals
/// (start offsets into one flat array) and each ordinal's text; and the other way round, each
/// value's documents, as a bit set where that is smaller than a list. Segments never change once
/// written (deletions aside, which facets skip anyway), so this is built once per segment and
/// kept as long as the segment lives. A few matches are counted document by document; many are
/// counted value by value, by intersecting each value's documents with the matches, a cost that
/// does not grow with the matches.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> s_cache = new();

    private SegmentFacets(int maxDoc, string[][] values, int[][] starts, int[][] ords)
    {
        Values = values;
        Starts = starts;
        Ords = ords;
        Documents = new int[values.Length][][];
        DocumentBits = new FixedBitSet?[values.Length][];
        var words = FixedBitSet.Bits2words(maxDoc);
        for (var f = 0; f < values.Length; f++)
        {
            var frequency = new int[values[f].Length];
            foreach (var ord in ords[f]) frequency[ord]++;
            Documents[f] = frequency.Select(n => new int[n]).ToArray();
            DocumentBits[f] = new FixedBitSet?[values[f].Length];
            var filled = new int[values[f].Length];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                for (var i = starts[f][doc]; i < starts[f][doc + 1]; i++) Documents[f][ords[f][i]][filled[ords[f][i]]++] = doc;
            }

            for (var ord = 0; ord < frequency.Length; ord++)
            {
                // A bit set is the smaller (and faster to intersect) once a value is on one document in 32.
                if (frequency[ord] < words * 2) continue;
                var bits = new FixedBitSet(maxDoc);
                foreach (var doc in Documents[f][ord]) bits.Set(doc);
                DocumentBits[f][ord] = bits;
                Documents[f][ord] = [];
            }

            ByValueCost += Enumerable.Range(0, frequency.Length).Sum(ord => Math.Min(frequency[ord], words));
            ByDocumentCostPerMatch += 1 + (double)ords[f].Length / Math.Max(1, maxDoc);
        }
    }

    /// <summary>Per field: ordinal → value.</summary>
    public string[][] Values { get; }

    /// <summary>Per field: document → first index into <see cref="Ords"/> (length maxDoc + 1).</summary>
    public int[][] Starts { get; }

    /// <summary>Per field: the ordinals of every document, document after document.</summary>
    public int[][] Ords { get; }

    /// <summary>Per field, per ordinal: the documents holding the value, when <see cref="DocumentBits"/> does not hold them.</summary>
    public int[][][] Documents { get; }

    /// <summary>Per field, per ordinal: the documents holding a frequent value, or null.</summary>
    public FixedBitSet?[][] DocumentBits { get; }

    /// <summary>About the steps counting every value's matches takes (words intersected and documents tested).</summary>
    public long ByValueCost { get; }

    /// <summary>About the steps counting one match's values takes.</summary>
    public double ByDocumentCostPerMatch { get; }

    public static SegmentFacets Of(AtomicReader reader, string[] fields) =>
        s_cache.GetValue(reader.CoreCacheKey, _ => Build(reader, fields));

    private static SegmentFacets Build(AtomicReader reader, string[] fields)
    {
        var values = new string[fields.Length][];
        var starts = new int[fields.Length][];
        var ords = new int[fields.Length][];
        var term = new BytesRef();
        for (var f = 0; f < fields.Length; f++)
        {
            var docValues = reader.GetSortedSetDocValues(fields[f]);
            var fieldStarts = new int[reader.MaxDoc + 1];
            if (docValues is null)
            {
                values[f] = [];
                starts[f] = fieldStarts;
                ords[f] = [];
                continue;
            }

            var names = new string[docValues.ValueCount];
            for (var ord = 0; ord < names.Length; ord++)
            {
                docValues.LookupOrd(ord, term);
                names[ord] = term.Utf8ToString();
            }

            var flat = new List<int>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                fieldStarts[doc] = flat.Count;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) flat.Add((int)ord);
            }

            fieldStarts[reader.MaxDoc] = flat.Count;
            values[f] = names;
            starts[f] = fieldStarts;
            ords[f] = [.. flat];
        }

        return new SegmentFacets(reader.MaxDoc, values, starts, ords);
    }
}
