using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Storage;

/// <summary>
/// Orleans grain storage on DynamoDB: one item per (state name, grain), written only when the stored
/// etag is the one the activation read, so a stale activation can never overwrite a newer state.
/// </summary>
public sealed partial class DynamoDbGrainStorage(
    string name,
    IAmazonDynamoDB client,
    DynamoDbOptions options,
    IGrainStorageSerializer serializer,
    IActivatorProvider activatorProvider,
    ILogger<DynamoDbGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _table = options.GrainsTable;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = Key(stateName, grainId),
            ConsistentRead = true,
        }, cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            Reset(grainState);
            return;
        }

        var data = item.TryGetValue(GrainsTableLayout.State, out var stored) && stored.B is { } bytes ? bytes.ToArray() : [];
        var etag = item[GrainsTableLayout.ETag].S;
        grainState.State = Deserialize<T>(stateName, grainId, data, etag) ?? New<T>();
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var data = serializer.Serialize(grainState.State).ToMemory();
        var newETag = NewETag();
        var key = GrainsTableLayout.Key(stateName, grainId);
        var itemBytes = ItemBytes(key, data.Length, newETag);
        if (itemBytes > GrainsTableLayout.MaxItemBytes) throw new GrainStateTooLargeException(stateName, grainId, itemBytes, GrainsTableLayout.MaxItemBytes);

        var request = new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>
            {
                [GrainsTableLayout.Id] = new() { S = key },
                [GrainsTableLayout.State] = new() { B = new MemoryStream(data.ToArray()) },
                [GrainsTableLayout.ETag] = new() { S = newETag },
            },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        Fence(request, grainState.ETag);
        try
        {
            await client.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException exception)
        {
            throw Conflict("write", stateName, grainId, grainState.ETag, exception);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        // Deleting (rather than writing an empty state) leaves no item behind; the next write then
        // starts from "no etag" like a brand-new grain. Etags are random, never counters, so a stale
        // activation holding an etag from before the delete cannot match a record written after it.
        var request = new DeleteItemRequest
        {
            TableName = _table,
            Key = Key(stateName, grainId),
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        Fence(request, grainState.ETag);
        try
        {
            await client.DeleteItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException exception)
        {
            throw Conflict("clear", stateName, grainId, grainState.ETag, exception);
        }

        Reset(grainState);
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe($"{nameof(DynamoDbGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, CreateTableAsync);
    }

    private async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        if (!options.CreateTables) return;
        await DynamoDbTableCreator.EnsureTableAsync(client, GrainsTableLayout.CreateRequest(options), cancellationToken);
        LogTableReady(logger, name, _table);
    }

    private static void Fence(PutItemRequest request, string? etag)
    {
        (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = Condition(etag);
    }

    private static void Fence(DeleteItemRequest request, string? etag)
    {
        (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = Condition(etag);
    }

    // No etag: the caller believes there is no record, so there must be none. Otherwise the stored etag must be the caller's.
    private static (string, Dictionary<string, string>, Dictionary<string, AttributeValue>?) Condition(string? etag) =>
        string.IsNullOrEmpty(etag)
            ? ("attribute_not_exists(#id)", new() { ["#id"] = GrainsTableLayout.Id }, null)
            : ("#etag = :etag", new() { ["#etag"] = GrainsTableLayout.ETag }, new() { [":etag"] = new() { S = etag } });

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? currentETag, ConditionalCheckFailedException exception)
    {
        var storedETag = exception.Item is { Count: > 0 } item && item.TryGetValue(GrainsTableLayout.ETag, out var stored) ? stored.S : null;
        LogConflict(logger, operation, stateName, grainId, storedETag, currentETag);

        // Without the AWS exception inside: callers may receive this across silos, and Orleans
        // cannot serialize the AWS SDK's exception types.
        return new InconsistentStateException(
            $"Grain storage '{name}' refused to {operation} state '{stateName}' of {grainId}: stored etag {storedETag ?? "(none)"}, this activation's etag {currentETag ?? "(none)"}.",
            storedETag,
            currentETag);
    }

    private T? Deserialize<T>(string stateName, GrainId grainId, byte[] data, string etag)
    {
        if (data.Length == 0) return default;
        try
        {
            return serializer.Deserialize<T>(data);
        }
        catch (Exception exception)
        {
            throw new InvalidDataException($"Grain storage '{name}' could not read state '{stateName}' of {grainId} ({data.Length} bytes, etag {etag}) as {typeof(T)}.", exception);
        }
    }

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = New<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T New<T>() => activatorProvider.GetActivator<T>().Create();

    // DynamoDB counts attribute names and values (UTF-8) towards the item size.
    private static int ItemBytes(string key, int stateBytes, string etag) =>
        GrainsTableLayout.Id.Length + Encoding.UTF8.GetByteCount(key)
        + GrainsTableLayout.State.Length + stateBytes
        + GrainsTableLayout.ETag.Length + etag.Length;

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static Dictionary<string, AttributeValue> Key(string stateName, GrainId grainId) =>
        new() { [GrainsTableLayout.Id] = new() { S = GrainsTableLayout.Key(stateName, grainId) } };

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage {Name}: table {Table} is ready")]
    private static partial void LogTableReady(ILogger logger, string name, string table);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Grain storage conflict on {Operation} of {StateName} for {GrainId}: stored etag {StoredETag}, current etag {CurrentETag}")]
    private static partial void LogConflict(ILogger logger, string operation, string stateName, GrainId grainId, string? storedETag, string? currentETag);
}
