using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrleansDynamoDb.Clustering;

/// <summary>
/// Layout of the membership table: one partition per cluster (ClusterId), one item per silo
/// (sort key: the silo address) and one version item per cluster under <see cref="VersionRowKey"/>.
/// </summary>
internal static class MembershipSchema
{
    public const string PartitionKey = "ClusterId";
    public const string RowKey = "SiloAddress";

    // A silo address always starts with an IP address, so "#" can never collide with a silo row;
    // it also sorts before every silo row, which keeps the version item first in a partition.
    public const string VersionRowKey = "#version";

    public const string VersionNumber = "Version";
    public const string VersionEtag = "VersionEtag";

    public const string ETag = "ETag";
    public const string Status = "Status";
    public const string ProxyPort = "ProxyPort";
    public const string HostName = "HostName";
    public const string SiloName = "SiloName";
    public const string RoleName = "RoleName";
    public const string UpdateZone = "UpdateZone";
    public const string FaultZone = "FaultZone";
    public const string StartTime = "StartTime";
    public const string IAmAliveTime = "IAmAliveTime";
    public const string SuspectTimes = "SuspectTimes";
    public const string SuspectSilo = "Silo";
    public const string SuspectTime = "Time";

    public static CreateTableRequest CreateTable(string tableName) =>
        Client.DynamoDbTableCreator.Table(tableName, (PartitionKey, ScalarAttributeType.S), (RowKey, ScalarAttributeType.S));

    public static Dictionary<string, AttributeValue> Key(string clusterId, string sortKey) => new()
    {
        [PartitionKey] = new AttributeValue { S = clusterId },
        [RowKey] = new AttributeValue { S = sortKey },
    };

    public static Dictionary<string, AttributeValue> VersionKey(string clusterId) => Key(clusterId, VersionRowKey);

    /// <summary>A query over every item of one cluster, the version item included; callers add filters.</summary>
    public static QueryRequest PartitionQuery(string tableName, string clusterId, bool consistentRead, int? pageSize) => new()
    {
        TableName = tableName,
        ConsistentRead = consistentRead,
        Limit = pageSize,
        KeyConditionExpression = "#cluster = :cluster",
        ExpressionAttributeNames = new() { ["#cluster"] = PartitionKey },
        ExpressionAttributeValues = new() { [":cluster"] = new AttributeValue { S = clusterId } },
    };

    public static bool IsVersionRow(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(RowKey, out var key) && key.S == VersionRowKey;
}
