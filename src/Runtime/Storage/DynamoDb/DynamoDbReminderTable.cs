using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Runtime.Reminders;

namespace Runtime.Storage.DynamoDb;

/// <summary>
/// Reminder rows keyed by (grain, name). A GSI on (shard, due) lets a silo read only what is
/// due instead of scanning every reminder; shards spread the index's write load.
/// </summary>
internal sealed class DynamoDbReminderTable(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options) : IReminderTable
{
    private const int Shards = 8;
    private readonly string _table = options.Value.RemindersTable;

    public async Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = entry.GrainId.ToString() },
                ["name"] = new() { S = entry.Name },
                ["shard"] = Number(ShardOf(entry.GrainId)),
                ["due"] = Number(entry.DueAt.ToUnixTimeMilliseconds()),
                ["period"] = Number((long)entry.Period.TotalMilliseconds),
            },
        }, cancellationToken);
    }

    public async Task DeleteAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        await client.DeleteItemAsync(new DeleteItemRequest { TableName = _table, Key = Key(grainId, name) }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var queries = Enumerable.Range(0, Shards).Select(shard => ReadShardAsync(shard, until, cancellationToken));
        var results = await Task.WhenAll(queries);
        return results.SelectMany(r => r).ToList();
    }

    private async Task<List<ReminderEntry>> ReadShardAsync(int shard, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await client.QueryAsync(new QueryRequest
            {
                TableName = _table,
                IndexName = DynamoDbTables.ReminderDueIndex,
                KeyConditionExpression = "#shard = :shard AND #due <= :until",
                ExpressionAttributeNames = new() { ["#shard"] = "shard", ["#due"] = "due" },
                ExpressionAttributeValues = new() { [":shard"] = Number(shard), [":until"] = Number(until.ToUnixTimeMilliseconds()) },
                ExclusiveStartKey = startKey,
            }, cancellationToken);
            foreach (var item in response.Items ?? []) entries.Add(Parse(item));
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return entries;
    }

    public async Task<bool> TryAdvanceAsync(ReminderEntry fired, DateTimeOffset? nextDueAt, CancellationToken cancellationToken)
    {
        var condition = new Dictionary<string, AttributeValue> { [":fired"] = Number(fired.DueAt.ToUnixTimeMilliseconds()) };
        try
        {
            if (nextDueAt is { } next)
            {
                condition[":next"] = Number(next.ToUnixTimeMilliseconds());
                await client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = _table,
                    Key = Key(fired.GrainId, fired.Name),
                    UpdateExpression = "SET #due = :next",
                    ConditionExpression = "#due = :fired",
                    ExpressionAttributeNames = new() { ["#due"] = "due" },
                    ExpressionAttributeValues = condition,
                }, cancellationToken);
            }
            else
            {
                await client.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = _table,
                    Key = Key(fired.GrainId, fired.Name),
                    ConditionExpression = "#due = :fired",
                    ExpressionAttributeNames = new() { ["#due"] = "due" },
                    ExpressionAttributeValues = condition,
                }, cancellationToken);
            }

            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static ReminderEntry Parse(Dictionary<string, AttributeValue> item) => new(
        GrainId.Parse(item["id"].S),
        item["name"].S,
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item["due"].N, CultureInfo.InvariantCulture)),
        TimeSpan.FromMilliseconds(long.Parse(item["period"].N, CultureInfo.InvariantCulture)));

    private static int ShardOf(GrainId grainId) => (int)(StableHash.Of(grainId.ToString()) % Shards);

    private static Dictionary<string, AttributeValue> Key(GrainId grainId, string name) =>
        new() { ["id"] = new() { S = grainId.ToString() }, ["name"] = new() { S = name } };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
