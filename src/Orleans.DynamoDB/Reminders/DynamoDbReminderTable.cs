using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Client;
using L = OrleansDynamoDb.Reminders.RemindersTableLayout;

namespace OrleansDynamoDb.Reminders;

/// <summary>
/// Orleans' reminder table on DynamoDB. Rows of one grain are read consistently from the table;
/// rows of a ring range come from the hash index (eventually consistent, like every GSI: the
/// reminder service reads ranges to rebuild its timers, and registers new reminders directly).
/// </summary>
public sealed class DynamoDbReminderTable(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options) : IReminderTable
{
    private readonly DynamoDbOptions _options = options.Value;

    /// <summary>Items per Query page; null lets DynamoDB fill 1 MB pages. Tests lower it to exercise paging.</summary>
    internal int? PageSize { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_options.CreateTables) await DynamoDbTableCreator.EnsureTableAsync(client, L.CreateRequest(_options), cancellationToken);
    }

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var rows = await QueryAllAsync(new QueryRequest
        {
            TableName = _options.RemindersTable,
            KeyConditionExpression = "#id = :id",
            ExpressionAttributeNames = new() { ["#id"] = L.GrainId },
            ExpressionAttributeValues = new() { [":id"] = new() { S = grainId.ToString() } },
            ConsistentRead = true,
        });
        return new ReminderTableData(rows);
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var reads = HashRange.Split(begin, end).Select(range => QueryAllAsync(new QueryRequest
        {
            TableName = _options.RemindersTable,
            IndexName = L.HashIndex,
            KeyConditionExpression = "#bucket = :bucket AND #hash BETWEEN :first AND :last",
            ExpressionAttributeNames = new() { ["#bucket"] = L.Bucket, ["#hash"] = L.Hash },
            ExpressionAttributeValues = new()
            {
                [":bucket"] = Number(range.Bucket),
                [":first"] = Number(range.First),
                [":last"] = Number(range.Last),
            },
        }));
        var results = await Task.WhenAll(reads);
        return new ReminderTableData(results.SelectMany(rows => rows));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = _options.RemindersTable,
            Key = Key(grainId, reminderName),
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? Parse(item) : null;
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var hash = entry.GrainId.GetUniformHashCode();
        var etag = Guid.NewGuid().ToString("N");
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = _options.RemindersTable,
            Item = new Dictionary<string, AttributeValue>
            {
                [L.GrainId] = new() { S = entry.GrainId.ToString() },
                [L.Name] = new() { S = entry.ReminderName },
                [L.Hash] = Number(hash),
                [L.Bucket] = Number(L.BucketOf(hash)),
                [L.StartAt] = Number(Utc(entry.StartAt).Ticks),
                [L.Period] = Number(entry.Period.Ticks),
                [L.ETag] = new() { S = etag },
            },
        });
        entry.ETag = etag;
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        try
        {
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _options.RemindersTable,
                Key = Key(grainId, reminderName),
                ConditionExpression = "#etag = :etag",
                ExpressionAttributeNames = new() { ["#etag"] = L.ETag },
                ExpressionAttributeValues = new() { [":etag"] = new() { S = eTag } },
            });
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // Missing, or replaced by a newer upsert: either way this caller's row is not there.
            return false;
        }
    }

    public async Task TestOnlyClearTable()
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest
            {
                TableName = _options.RemindersTable,
                ProjectionExpression = "#id, #name",
                ExpressionAttributeNames = new() { ["#id"] = L.GrainId, ["#name"] = L.Name },
                ExclusiveStartKey = startKey,
            });
            foreach (var item in page.Items ?? [])
            {
                await client.DeleteItemAsync(new DeleteItemRequest { TableName = _options.RemindersTable, Key = item });
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);
    }

    private async Task<List<ReminderEntry>> QueryAllAsync(QueryRequest request)
    {
        var rows = new List<ReminderEntry>();
        request.Limit = PageSize;
        do
        {
            var page = await client.QueryAsync(request);
            rows.AddRange((page.Items ?? []).Select(Parse));
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return rows;
    }

    private static ReminderEntry Parse(Dictionary<string, AttributeValue> item) => new()
    {
        GrainId = GrainId.Parse(item[L.GrainId].S),
        ReminderName = item[L.Name].S,
        StartAt = new DateTime(long.Parse(item[L.StartAt].N, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(long.Parse(item[L.Period].N, CultureInfo.InvariantCulture)),
        ETag = item[L.ETag].S,
    };

    // Orleans hands out UTC times; only a Local time needs converting (Unspecified is taken as UTC).
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    private static Dictionary<string, AttributeValue> Key(GrainId grainId, string reminderName) =>
        new() { [L.GrainId] = new() { S = grainId.ToString() }, [L.Name] = new() { S = reminderName } };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
