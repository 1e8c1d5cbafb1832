using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Grains.Abstractions;
using Microsoft.Extensions.Options;
using OrleansDynamoDb.Client;

namespace Grains.Users;

/// <summary>Reads and writes the user filter index table (layout in <see cref="UserIndexTable"/>).</summary>
public sealed class UserIndexStore(IAmazonDynamoDB client, IOptions<DynamoDbOptions> dynamoDb, IOptions<UserDirectoryOptions> options)
{
    private const string FirstName = "firstName";
    private const string LastName = "lastName";
    private const string Email = "email";
    private const string JobTitle = "jobTitle";
    private const string Company = "company";
    private const string City = "city";
    private const string State = "state";

    private readonly int _shards = options.Value.ShardCount;

    public string TableName { get; } = dynamoDb.Value.TablePrefix + "users-index";

    public string ShardOf(string userId) => ((int)(StableHash.ComputeHash(userId) % (uint)_shards)).ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The value a user is ordered by for <paramref name="sortField"/>, as stored in the sort indexes.</summary>
    public static string SortValue(UserSummary user, string sortField) => sortField switch
    {
        UserFilterRules.CreatedAt => user.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        UserFilterRules.FirstName => Key(user.FirstName),
        UserFilterRules.LastName => Key(user.LastName),
        UserFilterRules.Email => Key(user.Email),
        UserFilterRules.Company => Key(user.Company),
        UserFilterRules.JobTitle => Key(user.JobTitle),
        UserFilterRules.City => Key(user.City),
        UserFilterRules.State => Key(user.State),
        UserFilterRules.HostedEventCount => Count(user.HostedEventCount),
        UserFilterRules.AttendedEventCount => Count(user.AttendedEventCount),
        _ => throw new ArgumentOutOfRangeException(nameof(sortField), sortField, "Not a sort field."),
    };

    /// <summary>Sort value and user id: unique, and ordered the same in memory (ordinal) and in the sort indexes.</summary>
    public static string SortKey(UserSummary user, string sortField) => SortValue(user, sortField) + UserIndexTable.Separator + user.Id;

    /// <summary>Writes the entry unless the index holds the same or a newer revision; counts the user the first time.</summary>
    public async Task UpsertAsync(UserIndexEntry entry, CancellationToken cancellationToken)
    {
        var item = ToItem(entry);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = TableName,
                    Item = item,
                    ConditionExpression = "attribute_exists(#id) AND #rev < :rev",
                    ExpressionAttributeNames = new() { ["#id"] = UserIndexTable.Id, ["#rev"] = UserIndexTable.Revision },
                    ExpressionAttributeValues = new() { [":rev"] = N(entry.Revision) },
                }, cancellationToken);
                return;
            }
            catch (ConditionalCheckFailedException)
            {
                // New user, or the index already holds this revision or a newer one.
            }

            try
            {
                await client.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems =
                    [
                        new TransactWriteItem
                        {
                            Put = new Put
                            {
                                TableName = TableName,
                                Item = item,
                                ConditionExpression = "attribute_not_exists(#id)",
                                ExpressionAttributeNames = new() { ["#id"] = UserIndexTable.Id },
                            },
                        },
                        new TransactWriteItem
                        {
                            Update = new Update
                            {
                                TableName = TableName,
                                Key = new() { [UserIndexTable.Id] = S(UserIndexTable.CountItem) },
                                UpdateExpression = "ADD #n :one",
                                ExpressionAttributeNames = new() { ["#n"] = UserIndexTable.Count },
                                ExpressionAttributeValues = new() { [":one"] = N(1) },
                            },
                        },
                    ],
                }, cancellationToken);
                return;
            }
            catch (TransactionCanceledException e) when ((e.CancellationReasons ?? []).Any(r => r.Code == "ConditionalCheckFailed"))
            {
                // It exists: either as new as this entry (done) or it appeared meanwhile (try the update again).
            }

            var stored = await GetAsync(entry.Id, cancellationToken);
            if (stored is not null && stored.Revision >= entry.Revision) return;
        }

        throw new InvalidOperationException($"Index entry of user {entry.Id} could not be written at revision {entry.Revision} after 3 attempts.");
    }

    public async Task<UserIndexEntry?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new() { [UserIndexTable.Id] = S(userId) },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>Users in the index (maintained exactly: incremented once per user, in the transaction that adds its entry).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new() { [UserIndexTable.Id] = S(UserIndexTable.CountItem) },
        }, cancellationToken);
        return response.Item is { Count: > 0 } item && item.TryGetValue(UserIndexTable.Count, out var n) ? int.Parse(n.N, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>How many users have the text value, counting at most <paramref name="limit"/> index entries.</summary>
    public async Task<int> CountTextAsync(string field, string normalizedValue, int limit, CancellationToken cancellationToken)
    {
        var attribute = UserIndexTable.TextIndexes[field];
        var response = await client.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            IndexName = UserIndexTable.IndexName(attribute),
            KeyConditionExpression = "#k = :v",
            ExpressionAttributeNames = new() { ["#k"] = attribute },
            ExpressionAttributeValues = new() { [":v"] = S(normalizedValue) },
            Select = Select.COUNT,
            Limit = limit,
        }, cancellationToken);
        return response.Count ?? 0;
    }

    /// <summary>Every user with the text value; null when more than <paramref name="max"/>.</summary>
    public Task<List<UserIndexEntry>?> QueryTextAsync(string field, string normalizedValue, int max, CancellationToken cancellationToken)
    {
        var attribute = UserIndexTable.TextIndexes[field];
        return QueryAllAsync(new QueryRequest
        {
            TableName = TableName,
            IndexName = UserIndexTable.IndexName(attribute),
            KeyConditionExpression = "#k = :v",
            ExpressionAttributeNames = new() { ["#k"] = attribute },
            ExpressionAttributeValues = new() { [":v"] = S(normalizedValue) },
        }, max, cancellationToken);
    }

    /// <summary>How many users have a count in the range, counting at most about <paramref name="limit"/> entries.</summary>
    public async Task<int> CountRangeAsync(string sortField, (int Min, int Max) range, int limit, CancellationToken cancellationToken)
    {
        var perShard = Math.Max(1, limit / _shards);
        var counts = await Task.WhenAll(Shards().Select(async shard =>
        {
            var request = RangeRequest(sortField, shard, range);
            request.Select = Select.COUNT;
            request.Limit = perShard;
            return (await client.QueryAsync(request, cancellationToken)).Count ?? 0;
        }));
        return counts.Sum();
    }

    /// <summary>Every user whose count for <paramref name="sortField"/> is in the range; null when more than <paramref name="max"/>.</summary>
    public async Task<List<UserIndexEntry>?> QueryRangeAsync(string sortField, (int Min, int Max) range, int max, CancellationToken cancellationToken)
    {
        var parts = await Task.WhenAll(Shards().Select(shard => QueryAllAsync(RangeRequest(sortField, shard, range), max, cancellationToken)));
        if (parts.Any(p => p is null)) return null;
        var all = parts.SelectMany(p => p!).ToList();
        return all.Count > max ? null : all;
    }

    /// <summary>
    /// The first <paramref name="take"/> users in the order of an indexed sort field: at most
    /// <paramref name="take"/> entries read per shard, merged.
    /// </summary>
    public async Task<List<UserIndexEntry>> TopAsync(string sortField, bool descending, int take, CancellationToken cancellationToken)
    {
        var attribute = UserIndexTable.SortIndexes[sortField];
        var parts = await Task.WhenAll(Shards().Select(async shard =>
        {
            var entries = new List<UserIndexEntry>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var response = await client.QueryAsync(new QueryRequest
                {
                    TableName = TableName,
                    IndexName = UserIndexTable.IndexName(attribute),
                    KeyConditionExpression = "#s = :s",
                    ExpressionAttributeNames = new() { ["#s"] = UserIndexTable.Shard },
                    ExpressionAttributeValues = new() { [":s"] = S(shard) },
                    ScanIndexForward = !descending,
                    Limit = take - entries.Count,
                    ExclusiveStartKey = start,
                }, cancellationToken);
                entries.AddRange((response.Items ?? []).Select(FromItem));
                start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null && entries.Count < take);
            return entries;
        }));
        var merged = parts.SelectMany(p => p).Select(e => (Entry: e, Key: SortKey(e.ToSummary(), sortField)));
        var ordered = descending ? merged.OrderByDescending(e => e.Key, StringComparer.Ordinal) : merged.OrderBy(e => e.Key, StringComparer.Ordinal);
        return ordered.Take(take).Select(e => e.Entry).ToList();
    }

    /// <summary>Ids of every indexed user, read shard by shard (for a campaign to everyone).</summary>
    public async Task<List<string>> AllIdsAsync(CancellationToken cancellationToken)
    {
        var attribute = UserIndexTable.SortIndexes[UserFilterRules.CreatedAt];
        var parts = await Task.WhenAll(Shards().Select(shard => QueryAllAsync(new QueryRequest
        {
            TableName = TableName,
            IndexName = UserIndexTable.IndexName(attribute),
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = UserIndexTable.Shard },
            ExpressionAttributeValues = new() { [":s"] = S(shard) },
        }, int.MaxValue, cancellationToken)));
        return parts.SelectMany(p => p!).Select(e => e.Id).ToList();
    }

    private QueryRequest RangeRequest(string sortField, string shard, (int Min, int Max) range)
    {
        var attribute = UserIndexTable.SortIndexes[sortField];
        return new QueryRequest
        {
            TableName = TableName,
            IndexName = UserIndexTable.IndexName(attribute),
            KeyConditionExpression = "#s = :s AND #k BETWEEN :lo AND :hi",
            ExpressionAttributeNames = new() { ["#s"] = UserIndexTable.Shard, ["#k"] = attribute },
            ExpressionAttributeValues = new()
            {
                [":s"] = S(shard),
                [":lo"] = S(Count(range.Min)),
                // Every key starting with the max count sorts below max + '\u0002'.
                [":hi"] = S(Count(range.Max) + '\u0002'),
            },
        };
    }

    private async Task<List<UserIndexEntry>?> QueryAllAsync(QueryRequest request, int max, CancellationToken cancellationToken)
    {
        var entries = new List<UserIndexEntry>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            entries.AddRange((response.Items ?? []).Select(FromItem));
            if (entries.Count > max) return null;
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
        return entries;
    }

    private IEnumerable<string> Shards() => Enumerable.Range(0, _shards).Select(s => s.ToString("D3", CultureInfo.InvariantCulture));

    private Dictionary<string, AttributeValue> ToItem(UserIndexEntry entry)
    {
        var profile = entry.Profile;
        var summary = entry.ToSummary();
        var item = new Dictionary<string, AttributeValue>
        {
            [UserIndexTable.Id] = S(entry.Id),
            [UserIndexTable.Shard] = S(ShardOf(entry.Id)),
            [UserIndexTable.Revision] = N(entry.Revision),
            [UserIndexTable.Hosted] = N(entry.HostedEventCount),
            [UserIndexTable.Attended] = N(entry.AttendedEventCount),
            [UserIndexTable.CreatedAt] = S(entry.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
            [FirstName] = S(profile.FirstName),
            [LastName] = S(profile.LastName),
            [Email] = S(profile.Email),
        };
        Optional(item, JobTitle, profile.JobTitle);
        Optional(item, Company, profile.Company);
        Optional(item, City, profile.City);
        Optional(item, State, profile.State);
        Optional(item, UserIndexTable.TextIndexes[UserFilterRules.Company], UserProfileRules.NormalizeKey(profile.Company));
        Optional(item, UserIndexTable.TextIndexes[UserFilterRules.JobTitle], UserProfileRules.NormalizeKey(profile.JobTitle));
        Optional(item, UserIndexTable.TextIndexes[UserFilterRules.City], UserProfileRules.NormalizeKey(profile.City));
        Optional(item, UserIndexTable.TextIndexes[UserFilterRules.State], UserProfileRules.NormalizeKey(profile.State));
        foreach (var (field, attribute) in UserIndexTable.SortIndexes) item[attribute] = S(SortKey(summary, field));
        return item;
    }

    private static UserIndexEntry FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        Id = item[UserIndexTable.Id].S,
        Revision = long.Parse(item[UserIndexTable.Revision].N, CultureInfo.InvariantCulture),
        HostedEventCount = int.Parse(item[UserIndexTable.Hosted].N, CultureInfo.InvariantCulture),
        AttendedEventCount = int.Parse(item[UserIndexTable.Attended].N, CultureInfo.InvariantCulture),
        CreatedAt = DateTimeOffset.Parse(item[UserIndexTable.CreatedAt].S, CultureInfo.InvariantCulture),
        Profile = new UserProfile
        {
            FirstName = item[FirstName].S,
            LastName = item[LastName].S,
            Email = item[Email].S,
            JobTitle = OptionalOf(item, JobTitle),
            Company = OptionalOf(item, Company),
            City = OptionalOf(item, City),
            State = OptionalOf(item, State),
        },
    };

    private static void Optional(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) item[name] = S(value);
    }

    private static string? OptionalOf(Dictionary<string, AttributeValue> item, string name) => item.TryGetValue(name, out var value) ? value.S : null;

    private static string Key(string? value) => UserProfileRules.NormalizeKey(value) ?? "";

    private static string Count(int value) => value.ToString("D10", CultureInfo.InvariantCulture);

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
