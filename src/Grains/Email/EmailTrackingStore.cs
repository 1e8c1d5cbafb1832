using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Grains.Abstractions;
using Microsoft.Extensions.Options;
using OrleansDynamoDb.Client;

namespace Grains.Email;

/// <summary>
/// The email tracking table ({TablePrefix}emails): one item per email ("email#{id}") and counter
/// items, global ones sharded ("stats#global#{n}") and one per user ("stats#user#{id}"). Every
/// status change is a transaction of a conditional write of the email item (its status must still
/// be the one read) with the counter deltas, so each transition is counted exactly once.
/// </summary>
public sealed class EmailTrackingStore(IAmazonDynamoDB client, IOptions<DynamoDbOptions> dynamoDb, IOptions<EmailOptions> options)
{
    private const string Id = "id";
    private const string Data = "d";
    private const string StatusAttribute = "st";
    private const string AttemptsAttribute = "at";
    private const string UserAttribute = "userId";
    private static readonly string[] s_counters = ["pending", "sent", "opened", "failed"];

    private readonly int _shards = options.Value.StatsShards;

    public string TableName { get; } = dynamoDb.Value.TablePrefix + "emails";

    public static CreateTableRequest Definition(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new AttributeDefinition(Id, ScalarAttributeType.S)],
        KeySchema = [new KeySchemaElement(Id, KeyType.HASH)],
    };

    public async Task<EmailRecord?> GetAsync(string emailId, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new() { [Id] = S(EmailKey(emailId)) },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>Adds the email and counts it; false when it exists already (nothing changed).</summary>
    public Task<bool> CreateAsync(EmailRecord record, CancellationToken cancellationToken) =>
        WriteAsync(null, record, cancellationToken);

    /// <summary>Replaces <paramref name="before"/> by <paramref name="after"/> and moves the counters; false when the stored item is no longer <paramref name="before"/>.</summary>
    public Task<bool> TransitionAsync(EmailRecord before, EmailRecord after, CancellationToken cancellationToken) =>
        WriteAsync(before, after, cancellationToken);

    public async Task<EmailStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, _shards).Select(s => ReadCountersAsync(GlobalKey(s), cancellationToken)));
        return ToStats(Enumerable.Range(0, s_counters.Length).Select(i => shards.Sum(c => c[i])).ToArray());
    }

    public async Task<EmailStats> GetUserStatsAsync(string userId, CancellationToken cancellationToken) =>
        ToStats(await ReadCountersAsync(UserKey(userId), cancellationToken));

    private async Task<bool> WriteAsync(EmailRecord? before, EmailRecord after, CancellationToken cancellationToken)
    {
        var put = new Put
        {
            TableName = TableName,
            Item = ToItem(after),
            ExpressionAttributeNames = new() { ["#id"] = Id },
        };
        if (before is null)
        {
            put.ConditionExpression = "attribute_not_exists(#id)";
        }
        else
        {
            put.ConditionExpression = "attribute_exists(#id) AND #st = :st AND #at = :at";
            put.ExpressionAttributeNames["#st"] = StatusAttribute;
            put.ExpressionAttributeNames["#at"] = AttemptsAttribute;
            put.ExpressionAttributeValues = new() { [":st"] = S(before.Status), [":at"] = N(before.Attempts) };
        }

        var delta = Contribution(after.Status).Zip(before is null ? new long[s_counters.Length] : Contribution(before.Status), (a, b) => a - b).ToArray();
        var items = new List<TransactWriteItem> { new() { Put = put } };
        if (delta.Any(d => d != 0))
        {
            items.Add(new TransactWriteItem { Update = CounterUpdate(GlobalKey(GlobalShard(after.EmailId)), delta) });
            items.Add(new TransactWriteItem { Update = CounterUpdate(UserKey(after.UserId), delta) });
        }

        try
        {
            await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
            return true;
        }
        catch (TransactionCanceledException e) when ((e.CancellationReasons ?? []).Any(r => r.Code == "ConditionalCheckFailed"))
        {
            return false;
        }
    }

    private Update CounterUpdate(string key, long[] delta)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var parts = new List<string>();
        for (var i = 0; i < s_counters.Length; i++)
        {
            if (delta[i] == 0) continue;
            names["#c" + i] = s_counters[i];
            values[":c" + i] = N(delta[i]);
            parts.Add($"#c{i} :c{i}");
        }

        return new Update
        {
            TableName = TableName,
            Key = new() { [Id] = S(key) },
            UpdateExpression = "ADD " + string.Join(", ", parts),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    private async Task<long[]> ReadCountersAsync(string key, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = TableName, Key = new() { [Id] = S(key) }, ConsistentRead = true }, cancellationToken);
        var item = response.Item ?? [];
        return s_counters.Select(c => item.TryGetValue(c, out var v) ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0L).ToArray();
    }

    // pending, sent, opened, failed: an opened email stays counted as sent.
    private static long[] Contribution(string status) => status switch
    {
        EmailStatuses.Pending => [1, 0, 0, 0],
        EmailStatuses.Sent => [0, 1, 0, 0],
        EmailStatuses.Opened => [0, 1, 1, 0],
        EmailStatuses.Failed => [0, 0, 0, 1],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an email status."),
    };

    private static EmailStats ToStats(long[] c) => new()
    {
        Pending = c[0],
        Sent = c[1],
        Opened = c[2],
        Failed = c[3],
        Total = c[0] + c[1] + c[3],
        OpenRate = c[1] == 0 ? 0 : (double)c[2] / c[1],
    };

    private int GlobalShard(string emailId) => (int)(StableHash.ComputeHash(emailId) % (uint)_shards);

    private static string EmailKey(string emailId) => "email#" + emailId;

    private static string GlobalKey(int shard) => "stats#global#" + shard.ToString(CultureInfo.InvariantCulture);

    private static string UserKey(string userId) => "stats#user#" + userId;

    private static Dictionary<string, AttributeValue> ToItem(EmailRecord record) => new()
    {
        [Id] = S(EmailKey(record.EmailId)),
        [StatusAttribute] = S(record.Status),
        [AttemptsAttribute] = N(record.Attempts),
        [UserAttribute] = S(record.UserId),
        [Data] = S(System.Text.Json.JsonSerializer.Serialize(record, EmailJsonContext.Default.EmailRecord)),
    };

    private static EmailRecord FromItem(Dictionary<string, AttributeValue> item) =>
        System.Text.Json.JsonSerializer.Deserialize(item[Data].S, EmailJsonContext.Default.EmailRecord)
        ?? throw new InvalidDataException($"Email item {item[Id].S} holds no record.");

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
