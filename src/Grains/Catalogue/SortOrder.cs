namespace Grains.Catalogue;

/// <summary>
/// One segment's documents in one <see cref="SortKey"/> order, and each document's rank in it: a
/// page of a large match set is the first matches met along <see cref="Documents"/>, and a small
/// one sorts by comparing ranks (integers) instead of start times and ids.
/// </summary>
internal sealed class SortOrder
{
    private SortOrder(int[] documents)
    {
        Documents = documents;
        Ranks = new int[documents.Length];
        for (var rank = 0; rank < documents.Length; rank++) Ranks[documents[rank]] = rank;
    }

    /// <summary>rank → document.</summary>
    public int[] Documents { get; }

    /// <summary>document → rank.</summary>
    public int[] Ranks { get; }

    public static SortOrder Of(SegmentColumns columns, SortKey sort)
    {
        var documents = new int[columns.MaxDoc];
        for (var doc = 0; doc < documents.Length; doc++) documents[doc] = doc;
        Array.Sort(documents, (a, b) => CatalogueOrder.Compare(sort, columns, a, columns, b));
        return new SortOrder(documents);
    }
}
