using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Grains.Catalogue;

/// <summary>One segment as a generation sees it: its columns and which of its documents are live and visible to everyone.</summary>
internal sealed class SearchSegment
{
    public SearchSegment(AtomicReaderContext context, Func<string, string> sharedId)
    {
        Context = context;
        Columns = SegmentColumns.Of(context, sharedId);
        Live = new FixedBitSet(Columns.MaxDoc);
        var liveDocs = context.AtomicReader.LiveDocs;
        for (var doc = 0; doc < Columns.MaxDoc; doc++)
        {
            if (liveDocs is null || liveDocs.Get(doc)) Live.Set(doc);
        }

        LivePublic = Live.Clone();
        LivePublic.And(Columns.Public);
    }

    public AtomicReaderContext Context { get; }

    public SegmentColumns Columns { get; }

    public FixedBitSet Live { get; }

    /// <summary>Live, and on sale or cancelled.</summary>
    public FixedBitSet LivePublic { get; }
}
