using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Runtime.Storage.DynamoDb;

namespace Runtime.Cluster;

/// <summary>
/// Membership rows (cluster, silo) plus a version row (cluster, "#version"). A status change is
/// one TransactWriteItems: the silo row and the version row, conditional on the version read.
/// </summary>
internal sealed class DynamoDbMembershipTable(IAmazonDynamoDB client, IOptions<DynamoDbOptions> dynamo, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private const string VersionRow = "#version";
    private readonly string _table = dynamo.Value.MembershipTable;
    private readonly string _cluster = cluster.Value.ClusterId;

    public async Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var silos = new List<SiloRecord>();
        long version = 0;
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await client.QueryAsync(new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "#c = :c",
                ExpressionAttributeNames = new() { ["#c"] = "cluster" },
                ExpressionAttributeValues = new() { [":c"] = new() { S = _cluster } },
                ConsistentRead = true,
                ExclusiveStartKey = startKey,
            }, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                if (item["silo"].S == VersionRow) version = long.Parse(item["version"].N, CultureInfo.InvariantCulture);
                else silos.Add(Parse(item));
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return new MembershipSnapshot(silos, version);
    }

    public async Task<bool> TryWriteAsync(SiloRecord silo, SiloStatus? expectedStatus, long expectedVersion, CancellationToken cancellationToken)
    {
        var row = new Put
        {
            TableName = _table,
            Item = ToItem(silo),
        };
        if (expectedStatus is { } status)
        {
            row.ConditionExpression = "#s = :expected";
            row.ExpressionAttributeNames = new() { ["#s"] = "status" };
            row.ExpressionAttributeValues = new() { [":expected"] = new() { S = status.ToString() } };
        }
        else
        {
            row.ConditionExpression = "attribute_not_exists(silo)";
        }

        var version = new Update
        {
            TableName = _table,
            Key = new() { ["cluster"] = new() { S = _cluster }, ["silo"] = new() { S = VersionRow } },
            UpdateExpression = "SET #v = :next",
            ConditionExpression = expectedVersion == 0 ? "attribute_not_exists(#v) OR #v = :expected" : "#v = :expected",
            ExpressionAttributeNames = new() { ["#v"] = "version" },
            ExpressionAttributeValues = new()
            {
                [":next"] = Number(expectedVersion + 1),
                [":expected"] = Number(expectedVersion),
            },
        };
        try
        {
            await client.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [new TransactWriteItem { Put = row }, new TransactWriteItem { Update = version }],
            }, cancellationToken);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }

    public async Task<bool> HeartbeatAsync(SiloRecord silo, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _table,
                Key = new() { ["cluster"] = new() { S = _cluster }, ["silo"] = new() { S = silo.SiloId } },
                UpdateExpression = "SET #h = :h, #a = :a",
                ConditionExpression = "attribute_exists(silo) AND #s <> :dead",
                ExpressionAttributeNames = new() { ["#h"] = "heartbeat", ["#a"] = "activations", ["#s"] = "status" },
                ExpressionAttributeValues = new()
                {
                    [":h"] = Number(silo.HeartbeatAt.ToUnixTimeMilliseconds()),
                    [":a"] = Number(silo.Activations),
                    [":dead"] = new() { S = nameof(SiloStatus.Dead) },
                },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private Dictionary<string, AttributeValue> ToItem(SiloRecord silo) => new()
    {
        ["cluster"] = new() { S = _cluster },
        ["silo"] = new() { S = silo.SiloId },
        ["address"] = new() { S = silo.Address },
        ["generation"] = Number(silo.Generation),
        ["status"] = new() { S = silo.Status.ToString() },
        ["heartbeat"] = Number(silo.HeartbeatAt.ToUnixTimeMilliseconds()),
        ["started"] = Number(silo.StartedAt.ToUnixTimeMilliseconds()),
        ["activations"] = Number(silo.Activations),
    };

    private static SiloRecord Parse(Dictionary<string, AttributeValue> item) => new()
    {
        SiloId = item["silo"].S,
        Address = item["address"].S,
        Generation = long.Parse(item["generation"].N, CultureInfo.InvariantCulture),
        Status = Enum.Parse<SiloStatus>(item["status"].S),
        HeartbeatAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item["heartbeat"].N, CultureInfo.InvariantCulture)),
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item["started"].N, CultureInfo.InvariantCulture)),
        Activations = item.TryGetValue("activations", out var a) ? int.Parse(a.N, CultureInfo.InvariantCulture) : 0,
    };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
