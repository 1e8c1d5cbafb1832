using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using OrleansDynamoDb.Client;
using static OrleansDynamoDb.Clustering.MembershipSchema;

namespace OrleansDynamoDb.Clustering;

/// <summary>
/// Orleans' membership table on DynamoDB: the cluster's partition holds one item per silo and one
/// version item; every row change commits in one transaction with the version change.
/// </summary>
internal sealed class DynamoDbMembershipTable : IMembershipTable
{
    // Reads that keep seeing the version move are retried this often before giving up.
    private const int MaxReadAttempts = 10;

    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<DynamoDbMembershipTable> _logger;

    public DynamoDbMembershipTable(
        IAmazonDynamoDB client,
        IOptions<DynamoDbOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<DynamoDbMembershipTable> logger)
    {
        _client = client;
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId
            ?? throw new InvalidOperationException("ClusterOptions.ClusterId must be set for DynamoDB clustering.");
        _logger = logger;
    }

    /// <summary>Items per Query page; null lets DynamoDB decide (1 MB). Tests set it small to force paging.</summary>
    internal int? PageSize { get; set; }

    private string TableName => _options.MembershipTable;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        if (_options.CreateTables) await DynamoDbTableCreator.EnsureTableAsync(_client, CreateTable(TableName));
        if (!tryInitTableVersion) return;

        var item = VersionKey(_clusterId);
        item[VersionNumber] = new AttributeValue { N = "0" };
        item[VersionEtag] = new AttributeValue { S = MembershipItem.NewEtag() };
        try
        {
            await _client.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#key)",
                ExpressionAttributeNames = new() { ["#key"] = RowKey },
            });
            _logger.LogInformation("Created the membership version item of cluster {ClusterId} in {Table}", _clusterId, TableName);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another silo initialised the cluster first; its version item is the one to use.
        }
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) =>
        ReadWithStableVersionAsync(async () =>
        {
            var response = await _client.GetItemAsync(new GetItemRequest
            {
                TableName = TableName,
                Key = Key(_clusterId, key.ToParsableString()),
                ConsistentRead = true,
            });
            return response.Item is { Count: > 0 } item ? [MembershipItem.ToEntry(item)] : [];
        });

    public Task<MembershipTableData> ReadAll() =>
        ReadWithStableVersionAsync(async () =>
        {
            var items = await DynamoDbPaging.QueryAllAsync(_client, PartitionQuery(TableName, _clusterId, consistentRead: true, PageSize));
            return items.Where(item => !IsVersionRow(item)).Select(MembershipItem.ToEntry).ToList();
        });

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        await WriteWithVersionAsync(MembershipWrites.InsertRow(TableName, _clusterId, entry), tableVersion, entry, "insert");

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        await WriteWithVersionAsync(MembershipWrites.ReplaceRow(TableName, _clusterId, entry, etag), tableVersion, entry, "update");

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        try
        {
            // Deliberately leaves the row etag and the version alone: liveness is not a membership change.
            await _client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableName,
                Key = Key(_clusterId, entry.SiloAddress.ToParsableString()),
                UpdateExpression = "SET #alive = :alive",
                ConditionExpression = "attribute_exists(#key)",
                ExpressionAttributeNames = new() { ["#alive"] = IAmAliveTime, ["#key"] = RowKey },
                ExpressionAttributeValues = new() { [":alive"] = new AttributeValue { S = MembershipItem.FormatTime(entry.IAmAliveTime) } },
            });
        }
        catch (ConditionalCheckFailedException)
        {
            // Like Orleans' in-memory table: a missing row is not created by a liveness beat.
            _logger.LogWarning("IAmAlive of {Silo} ignored: cluster {ClusterId} has no row for it", entry.SiloAddress, _clusterId);
        }
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        var items = await DynamoDbPaging.QueryAllAsync(_client, PartitionQuery(TableName, _clusterId, consistentRead: true, PageSize));
        foreach (var (entry, etag) in items.Where(item => !IsVersionRow(item)).Select(MembershipItem.ToEntry))
        {
            if (entry.Status != SiloStatus.Dead || LastSignOfLife(entry) >= beforeDate.UtcDateTime) continue;
            try
            {
                // Conditional on the etag read: a row that changed since the query waits for the next cleanup.
                await _client.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = TableName,
                    Key = Key(_clusterId, entry.SiloAddress.ToParsableString()),
                    ConditionExpression = "#etag = :etag",
                    ExpressionAttributeNames = new() { ["#etag"] = ETag },
                    ExpressionAttributeValues = new() { [":etag"] = new AttributeValue { S = etag } },
                });
            }
            catch (ConditionalCheckFailedException)
            {
            }
        }
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        var query = PartitionQuery(TableName, clusterId, consistentRead: true, PageSize);
        query.ProjectionExpression = "#cluster, #key";
        query.ExpressionAttributeNames["#key"] = RowKey;
        List<Dictionary<string, AttributeValue>> keys;
        try
        {
            keys = await DynamoDbPaging.QueryAllAsync(_client, query);
        }
        catch (ResourceNotFoundException)
        {
            return;
        }

        await DynamoDbBatchDelete.DeleteAsync(_client, TableName, keys);
    }

    // The latest moment the silo was known to be around; a recent death vote keeps a row visible a while.
    private static DateTime LastSignOfLife(MembershipEntry entry)
    {
        var times = new List<DateTime> { MembershipItem.AsUtc(entry.IAmAliveTime), MembershipItem.AsUtc(entry.StartTime) };
        times.AddRange((entry.SuspectTimes ?? []).Select(vote => MembershipItem.AsUtc(vote.Item2)));
        return times.Max();
    }

    /// <summary>
    /// Reads rows between two reads of the version item and accepts them only when both agree: every
    /// row change moves the version etag in the same transaction, so equal etags mean no change
    /// committed while the rows were read, however many pages that took.
    /// </summary>
    private async Task<MembershipTableData> ReadWithStableVersionAsync(Func<Task<List<Tuple<MembershipEntry, string>>>> readRows)
    {
        var seen = new List<string>();
        for (var attempt = 1; attempt <= MaxReadAttempts; attempt++)
        {
            var before = await ReadVersionAsync();
            var rows = await readRows();
            var after = await ReadVersionAsync();
            if (before.VersionEtag == after.VersionEtag) return new MembershipTableData(rows, after);

            seen.Add($"{before}->{after}");
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)));
        }

        throw new InvalidOperationException(
            $"The membership version of cluster {_clusterId} in {TableName} changed during each of {MaxReadAttempts} reads: {string.Join("; ", seen)}");
    }

    private async Task<TableVersion> ReadVersionAsync()
    {
        var response = await _client.GetItemAsync(new GetItemRequest { TableName = TableName, Key = VersionKey(_clusterId), ConsistentRead = true });
        return MembershipItem.ToVersion(response.Item);
    }

    private async Task<bool> WriteWithVersionAsync(TransactWriteItem rowWrite, TableVersion tableVersion, MembershipEntry entry, string operation)
    {
        try
        {
            await _client.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [rowWrite, MembershipWrites.BumpVersion(TableName, _clusterId, tableVersion)],
            });
            return true;
        }
        catch (TransactionCanceledException e) when (TransactionCancellation.IsLostRace(e))
        {
            _logger.LogDebug(
                "Membership {Operation} of {Silo} at version {Version} in cluster {ClusterId} lost a race ({Reasons})",
                operation, entry.SiloAddress, tableVersion.Version.ToString(CultureInfo.InvariantCulture), _clusterId, TransactionCancellation.Reasons(e));
            return false;
        }
    }
}
