using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>
/// The facet values of one index segment as plain arrays: per field, each document's value ordinals
/// (start offsets into one flat array) and each ordinal's text. Segments never change once
/// written (deletions aside, which facets skip anyway), so this is built once per segment and
/// kept as long as the segment lives; counting a match is then a few array reads instead of
/// doc-values decoding, which cost two thirds of a match-all search.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> s_cache = new();

    private SegmentFacets(string[][] values, int[][] starts, int[][] ords)
    {
        Values = values;
        Starts = starts;
        Ords = ords;
    }

    /// <summary>Per field: ordinal → value.</summary>
    public string[][] Values { get; }

    /// <summary>Per field: document → first index into <see cref="Ords"/> (length maxDoc + 1).</summary>
    public int[][] Starts { get; }

    /// <summary>Per field: the ordinals of every document, document after document.</summary>
    public int[][] Ords { get; }

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

        return new SegmentFacets(values, starts, ords);
    }
}
