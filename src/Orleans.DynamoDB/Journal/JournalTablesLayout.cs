using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Journal;

/// <summary>
/// Journal items (id, seq) hold one payload each. Snapshot items (id, sk) are a manifest at sk = 0
/// naming the newest complete snapshot, and its chunks at sk = seq * ChunksPerSnapshot + index + 1,
/// so the chunks of one snapshot are contiguous and sort after those of every older snapshot.
/// Both shapes match the tables in deploy/cloudformation/booking.yaml.
/// </summary>
internal static class JournalTablesLayout
{
    public const string Id = "id";
    public const string Sequence = "seq";
    public const string Payload = "p";

    public const string SortKey = "sk";
    public const string ManifestSequence = "seq";
    public const string ManifestParts = "parts";
    public const string ManifestBytes = "size";
    public const string ChunkData = "d";

    /// <summary>Bytes per snapshot chunk and per journal entry: below 400 KB with room for keys and names.</summary>
    public const int ChunkBytes = 350_000;

    /// <summary>At most ~1.4 GB per snapshot; it leaves sequence numbers up to 2^51.</summary>
    public const long ChunksPerSnapshot = 4096;

    public static long ChunkKey(long sequence, int index) => (sequence * ChunksPerSnapshot) + index + 1;

    public static CreateTableRequest JournalTable(DynamoDbOptions options) =>
        DynamoDbTableCreator.Table(options.JournalTable, (Id, ScalarAttributeType.S), (Sequence, ScalarAttributeType.N));

    public static CreateTableRequest SnapshotsTable(DynamoDbOptions options) =>
        DynamoDbTableCreator.Table(options.SnapshotsTable, (Id, ScalarAttributeType.S), (SortKey, ScalarAttributeType.N));
}
