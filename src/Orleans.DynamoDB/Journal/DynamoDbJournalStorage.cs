using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansDynamoDb.Client;
using L = OrleansDynamoDb.Journal.JournalTablesLayout;

namespace OrleansDynamoDb.Journal;

/// <summary>
/// The journal on DynamoDB. Appends are conditional on attribute_not_exists(seq): that condition is
/// the fence between activations. Snapshots are chunked under a manifest that only moves forward;
/// the writer that moves it deletes every older chunk, and a reader that finds its snapshot's chunks
/// gone (replaced under it) reads the manifest again.
/// </summary>
public sealed class DynamoDbJournalStorage(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options) : IJournalStorage
{
    private const int SnapshotReadAttempts = 5;
    private readonly string _journal = options.Value.JournalTable;
    private readonly string _snapshots = options.Value.SnapshotsTable;

    public int MaxEntryBytes => L.ChunkBytes;

    /// <summary>Items per Query page; null lets DynamoDB fill 1 MB pages. Tests lower it to exercise paging.</summary>
    internal int? PageSize { get; set; }

    /// <summary>Bytes per snapshot chunk. Tests lower it to split small snapshots.</summary>
    internal int SnapshotChunkBytes { get; set; } = L.ChunkBytes;

    public async Task AppendAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (payload.Length > MaxEntryBytes)
        {
            throw new ArgumentException($"Journal entry {sequence} of {grainId} is {payload.Length} bytes; the limit is {MaxEntryBytes}.", nameof(payload));
        }

        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _journal,
                Item = new Dictionary<string, AttributeValue>
                {
                    [L.Id] = new() { S = grainId.ToString() },
                    [L.Sequence] = Number(sequence),
                    [L.Payload] = Binary(payload),
                },
                ConditionExpression = "attribute_not_exists(#seq)",
                ExpressionAttributeNames = new() { ["#seq"] = L.Sequence },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // The "etags" of a journal are sequence numbers: entry n is stored, this writer expected n - 1 to be the last.
            // No inner exception: this one travels back to callers in Orleans responses, and Orleans
            // cannot serialize the AWS SDK's exception (the caller would get a codec error instead).
            throw new InconsistentStateException(
                $"Journal entry {sequence} of {grainId} was already written by another activation.",
                sequence.ToString(CultureInfo.InvariantCulture),
                (sequence - 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    public async IAsyncEnumerable<JournalEntry> ReadEntriesAsync(GrainId grainId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = _journal,
            KeyConditionExpression = "#id = :id AND #seq > :after",
            ExpressionAttributeNames = new() { ["#id"] = L.Id, ["#seq"] = L.Sequence },
            ExpressionAttributeValues = new() { [":id"] = new() { S = grainId.ToString() }, [":after"] = Number(afterSequence) },
            ConsistentRead = true,
            Limit = PageSize,
        };
        do
        {
            var page = await client.QueryAsync(request, cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                yield return new JournalEntry(Long(item[L.Sequence]), item[L.Payload].B.ToArray());
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    public async Task<JournalSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var manifest = await ReadManifestAsync(grainId, cancellationToken);
            if (manifest is not { } m) return null;
            var data = await ReadChunksAsync(grainId, m, cancellationToken);
            if (data is not null) return new JournalSnapshot(m.Sequence, data);

            // A newer snapshot replaced this one while we read it and its writer deleted these chunks.
            if (attempt == SnapshotReadAttempts)
            {
                throw new InvalidDataException(
                    $"Snapshot {m.Sequence} of {grainId} stayed incomplete ({m.Parts} parts, {m.Bytes} bytes expected) over {attempt} reads.");
            }
        }
    }

    public async Task WriteSnapshotAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var chunkBytes = SnapshotChunkBytes;
        var parts = Math.Max(1, (data.Length + chunkBytes - 1) / chunkBytes);
        if (parts >= L.ChunksPerSnapshot)
        {
            throw new ArgumentException($"Snapshot {sequence} of {grainId} is {data.Length} bytes ({parts} chunks); at most {L.ChunksPerSnapshot - 1} chunks of {chunkBytes} bytes fit.", nameof(data));
        }

        // Same or newer already stored: rewriting its chunks could only disturb its readers.
        if (await ReadManifestAsync(grainId, cancellationToken) is { } current && current.Sequence >= sequence) return;

        for (var i = 0; i < parts; i++)
        {
            var offset = i * chunkBytes;
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _snapshots,
                Item = new Dictionary<string, AttributeValue>
                {
                    [L.Id] = new() { S = grainId.ToString() },
                    [L.SortKey] = Number(L.ChunkKey(sequence, i)),
                    [L.ChunkData] = Binary(data.Slice(offset, Math.Min(chunkBytes, data.Length - offset))),
                },
            }, cancellationToken);
        }

        if (!await TryMoveManifestAsync(grainId, new SnapshotManifest(sequence, parts, data.Length), cancellationToken)) return;

        // Everything below this snapshot's first chunk is older: superseded snapshots and chunks of
        // writers that lost the race. Their manifest can no longer move, so nobody needs them.
        await DeleteChunksBelowAsync(grainId, L.ChunkKey(sequence, 0), cancellationToken);
    }

    private async Task<bool> TryMoveManifestAsync(GrainId grainId, SnapshotManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = _snapshots,
                Item = new Dictionary<string, AttributeValue>
                {
                    [L.Id] = new() { S = grainId.ToString() },
                    [L.SortKey] = Number(0),
                    [L.ManifestSequence] = Number(manifest.Sequence),
                    [L.ManifestParts] = Number(manifest.Parts),
                    [L.ManifestBytes] = Number(manifest.Bytes),
                },
                ConditionExpression = "attribute_not_exists(#seq) OR #seq < :seq",
                ExpressionAttributeNames = new() { ["#seq"] = L.ManifestSequence },
                ExpressionAttributeValues = new() { [":seq"] = Number(manifest.Sequence) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException exception)
        {
            // A newer snapshot won. Unless it is this very sequence (same chunks), ours are garbage now.
            var winner = exception.Item is { Count: > 0 } item ? Long(item[L.ManifestSequence]) : manifest.Sequence;
            if (winner != manifest.Sequence)
            {
                for (var i = 0; i < manifest.Parts; i++) await DeleteChunkAsync(grainId, L.ChunkKey(manifest.Sequence, i), cancellationToken);
            }

            return false;
        }
    }

    private async Task<SnapshotManifest?> ReadManifestAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = _snapshots,
            Key = SnapshotKey(grainId, 0),
            ConsistentRead = true,
        }, cancellationToken);
        if (response.Item is not { Count: > 0 } item) return null;
        return new SnapshotManifest(Long(item[L.ManifestSequence]), (int)Long(item[L.ManifestParts]), (int)Long(item[L.ManifestBytes]));
    }

    /// <summary>The snapshot's bytes, or null when some of its chunks are gone.</summary>
    private async Task<byte[]?> ReadChunksAsync(GrainId grainId, SnapshotManifest manifest, CancellationToken cancellationToken)
    {
        var first = L.ChunkKey(manifest.Sequence, 0);
        var request = new QueryRequest
        {
            TableName = _snapshots,
            KeyConditionExpression = "#id = :id AND #sk BETWEEN :first AND :last",
            ExpressionAttributeNames = new() { ["#id"] = L.Id, ["#sk"] = L.SortKey },
            ExpressionAttributeValues = new()
            {
                [":id"] = new() { S = grainId.ToString() },
                [":first"] = Number(first),
                [":last"] = Number(first + manifest.Parts - 1),
            },
            ConsistentRead = true,
            Limit = PageSize,
        };
        var data = new MemoryStream(manifest.Bytes);
        var chunks = 0;
        do
        {
            var page = await client.QueryAsync(request, cancellationToken);
            foreach (var chunk in page.Items ?? [])
            {
                chunk[L.ChunkData].B.CopyTo(data);
                chunks++;
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return chunks == manifest.Parts && data.Length == manifest.Bytes ? data.ToArray() : null;
    }

    private async Task DeleteChunksBelowAsync(GrainId grainId, long firstKept, CancellationToken cancellationToken)
    {
        if (firstKept <= 1) return;
        var request = new QueryRequest
        {
            TableName = _snapshots,
            KeyConditionExpression = "#id = :id AND #sk BETWEEN :one AND :below",
            ProjectionExpression = "#id, #sk",
            ExpressionAttributeNames = new() { ["#id"] = L.Id, ["#sk"] = L.SortKey },
            ExpressionAttributeValues = new()
            {
                [":id"] = new() { S = grainId.ToString() },
                [":one"] = Number(1),
                [":below"] = Number(firstKept - 1),
            },
            ConsistentRead = true,
        };
        do
        {
            var page = await client.QueryAsync(request, cancellationToken);
            foreach (var key in page.Items ?? [])
            {
                await client.DeleteItemAsync(new DeleteItemRequest { TableName = _snapshots, Key = key }, cancellationToken);
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    private Task DeleteChunkAsync(GrainId grainId, long sortKey, CancellationToken cancellationToken) =>
        client.DeleteItemAsync(new DeleteItemRequest { TableName = _snapshots, Key = SnapshotKey(grainId, sortKey) }, cancellationToken);

    private static Dictionary<string, AttributeValue> SnapshotKey(GrainId grainId, long sortKey) =>
        new() { [L.Id] = new() { S = grainId.ToString() }, [L.SortKey] = Number(sortKey) };

    private static AttributeValue Binary(ReadOnlyMemory<byte> bytes) => new() { B = new MemoryStream(bytes.ToArray()) };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static long Long(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);
}
