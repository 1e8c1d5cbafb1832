using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;

namespace Runtime.Storage.DynamoDb;

/// <summary>
/// Journal items (id, seq) written with attribute_not_exists(seq): the fence. Snapshots live in
/// their own table as chunks under a manifest item (sk = 0) that names the newest complete one,
/// so a state larger than one item (400 KB) can still be snapshotted.
/// </summary>
internal sealed class DynamoDbJournalStorage(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options) : IJournalStorage
{
    private const int ChunkBytes = 350_000;
    private const long ChunksPerSnapshot = 4096;
    private readonly string _journal = options.Value.JournalTable;
    private readonly string _snapshots = options.Value.SnapshotsTable;

    public int MaxEntryBytes => ChunkBytes;

    public async Task AppendAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > ChunkBytes) throw new ArgumentException($"Journal entry {sequence} of {grainId} is {payload.Length} bytes; the limit is {ChunkBytes}.", nameof(payload));
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _journal,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = grainId.ToString() },
                    ["seq"] = Number(sequence),
                    ["p"] = new() { B = new MemoryStream(payload.ToArray()) },
                },
                ConditionExpression = "attribute_not_exists(seq)",
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new InconsistentStateException(grainId, sequence - 1, $"journal entry {sequence} was already written by another activation");
        }
    }

    public async IAsyncEnumerable<JournalEntry> ReadEntriesAsync(GrainId grainId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await client.QueryAsync(new QueryRequest
            {
                TableName = _journal,
                KeyConditionExpression = "id = :id AND seq > :after",
                ExpressionAttributeValues = new() { [":id"] = new() { S = grainId.ToString() }, [":after"] = Number(afterSequence) },
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            }, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                yield return new JournalEntry(long.Parse(item["seq"].N, CultureInfo.InvariantCulture), item["p"].B.ToArray());
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);
    }

    public async Task<JournalSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var manifest = await client.GetItemAsync(new GetItemRequest
        {
            TableName = _snapshots,
            Key = SnapshotKey(grainId, 0),
            ConsistentRead = true,
        }, cancellationToken);
        if (manifest.Item is not { Count: > 0 } item) return null;
        var sequence = long.Parse(item["seq"].N, CultureInfo.InvariantCulture);
        var parts = int.Parse(item["parts"].N, CultureInfo.InvariantCulture);
        var data = new MemoryStream();
        Dictionary<string, AttributeValue>? startKey = null;
        var first = ChunkKey(sequence, 0);
        do
        {
            var response = await client.QueryAsync(new QueryRequest
            {
                TableName = _snapshots,
                KeyConditionExpression = "id = :id AND sk BETWEEN :from AND :to",
                ExpressionAttributeValues = new()
                {
                    [":id"] = new() { S = grainId.ToString() },
                    [":from"] = Number(first),
                    [":to"] = Number(first + parts - 1),
                },
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            }, cancellationToken);
            foreach (var chunk in response.Items ?? []) chunk["d"].B.CopyTo(data);
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return new JournalSnapshot(sequence, data.ToArray());
    }

    public async Task WriteSnapshotAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var parts = Math.Max(1, (data.Length + ChunkBytes - 1) / ChunkBytes);
        if (parts >= ChunksPerSnapshot) throw new ArgumentException($"Snapshot of {grainId} is {data.Length} bytes, above the supported size.", nameof(data));
        var first = ChunkKey(sequence, 0);
        for (var i = 0; i < parts; i++)
        {
            var slice = data.Slice(i * ChunkBytes, Math.Min(ChunkBytes, data.Length - (i * ChunkBytes)));
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _snapshots,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = grainId.ToString() },
                    ["sk"] = Number(first + i),
                    ["d"] = new() { B = new MemoryStream(slice.ToArray()) },
                },
            }, cancellationToken);
        }

        // The manifest only moves forward, so a slow writer can't replace a newer snapshot.
        var previous = await client.GetItemAsync(new GetItemRequest { TableName = _snapshots, Key = SnapshotKey(grainId, 0), ConsistentRead = true }, cancellationToken);
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _snapshots,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new() { S = grainId.ToString() },
                    ["sk"] = Number(0),
                    ["seq"] = Number(sequence),
                    ["parts"] = Number(parts),
                },
                ConditionExpression = "attribute_not_exists(seq) OR seq < :seq",
                ExpressionAttributeValues = new() { [":seq"] = Number(sequence) },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            return;
        }

        if (previous.Item is { Count: > 0 } old)
        {
            var oldSequence = long.Parse(old["seq"].N, CultureInfo.InvariantCulture);
            var oldParts = int.Parse(old["parts"].N, CultureInfo.InvariantCulture);
            for (var i = 0; i < oldParts; i++)
            {
                await client.DeleteItemAsync(new DeleteItemRequest { TableName = _snapshots, Key = SnapshotKey(grainId, ChunkKey(oldSequence, i)) }, cancellationToken);
            }
        }
    }

    private static long ChunkKey(long sequence, int index) => (sequence * ChunksPerSnapshot) + index + 1;

    private static Dictionary<string, AttributeValue> SnapshotKey(GrainId grainId, long sk) =>
        new() { ["id"] = new() { S = grainId.ToString() }, ["sk"] = Number(sk) };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
