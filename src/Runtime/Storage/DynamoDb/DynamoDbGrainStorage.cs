using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;

namespace Runtime.Storage.DynamoDb;

/// <summary>Whole-state grain storage: one item per grain, written only if its version is the one read.</summary>
internal sealed class DynamoDbGrainStorage(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options) : IGrainStorage
{
    private readonly string _table = options.Value.GrainsTable;

    public async Task<StoredState?> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = Key(grainId),
            ConsistentRead = true,
        }, cancellationToken);
        if (response.Item is not { Count: > 0 } item) return null;
        return new StoredState(item["d"].B.ToArray(), long.Parse(item["v"].N, CultureInfo.InvariantCulture));
    }

    public async Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken)
    {
        var next = expectedVersion + 1;
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = grainId.ToString() },
                ["v"] = new() { N = next.ToString(CultureInfo.InvariantCulture) },
                ["d"] = new() { B = new MemoryStream(data.ToArray()) },
            },
        };
        Fence(request, expectedVersion);
        try
        {
            await client.PutItemAsync(request, cancellationToken);
            return next;
        }
        catch (ConditionalCheckFailedException)
        {
            throw new InconsistentStateException(grainId, expectedVersion, "the stored version differs");
        }
    }

    public async Task ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion == 0) return;
        try
        {
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _table,
                Key = Key(grainId),
                ConditionExpression = "v = :v",
                ExpressionAttributeValues = new() { [":v"] = new() { N = expectedVersion.ToString(CultureInfo.InvariantCulture) } },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new InconsistentStateException(grainId, expectedVersion, "the stored version differs");
        }
    }

    private static void Fence(PutItemRequest request, long expectedVersion)
    {
        if (expectedVersion == 0)
        {
            request.ConditionExpression = "attribute_not_exists(id)";
            return;
        }

        request.ConditionExpression = "v = :v";
        request.ExpressionAttributeValues = new() { [":v"] = new() { N = expectedVersion.ToString(CultureInfo.InvariantCulture) } };
    }

    private static Dictionary<string, AttributeValue> Key(GrainId grainId) => new() { ["id"] = new() { S = grainId.ToString() } };
}
