using Amazon.DynamoDBv2.Model;
using Orleans;
using static OrleansDynamoDb.Clustering.MembershipSchema;

namespace OrleansDynamoDb.Clustering;

/// <summary>The parts of the transactions that change a silo row together with the cluster's version item.</summary>
internal static class MembershipWrites
{
    public static TransactWriteItem InsertRow(string tableName, string clusterId, MembershipEntry entry) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = MembershipItem.From(entry, clusterId, MembershipItem.NewEtag()),
            ConditionExpression = "attribute_not_exists(#key)",
            ExpressionAttributeNames = new() { ["#key"] = RowKey },
        },
    };

    // A whole-item put, so attributes the new entry no longer has (a cleared RoleName) disappear too.
    public static TransactWriteItem ReplaceRow(string tableName, string clusterId, MembershipEntry entry, string expectedEtag) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = MembershipItem.From(entry, clusterId, MembershipItem.NewEtag()),
            ConditionExpression = "#etag = :expected",
            ExpressionAttributeNames = new() { ["#etag"] = ETag },
            ExpressionAttributeValues = new() { [":expected"] = new AttributeValue { S = expectedEtag } },
        },
    };

    /// <summary>
    /// Sets the version the caller asks for, on the condition that the stored version etag is the one
    /// the caller read: the etag alone decides, as in Orleans' in-memory table.
    /// </summary>
    public static TransactWriteItem BumpVersion(string tableName, string clusterId, TableVersion tableVersion)
    {
        var update = new Update
        {
            TableName = tableName,
            Key = VersionKey(clusterId),
            UpdateExpression = "SET #version = :version, #versionEtag = :newEtag",
            ExpressionAttributeNames = new() { ["#version"] = VersionNumber, ["#versionEtag"] = VersionEtag },
            ExpressionAttributeValues = new()
            {
                [":version"] = new AttributeValue { N = tableVersion.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                [":newEtag"] = new AttributeValue { S = MembershipItem.NewEtag() },
            },
        };
        if (tableVersion.VersionEtag == MembershipItem.AbsentVersionEtag)
        {
            // The caller read a cluster without a version item: the write creates it unless someone else did.
            update.ConditionExpression = "attribute_not_exists(#versionEtag)";
        }
        else
        {
            update.ConditionExpression = "#versionEtag = :expectedEtag";
            update.ExpressionAttributeValues[":expectedEtag"] = new AttributeValue { S = tableVersion.VersionEtag };
        }

        return new TransactWriteItem { Update = update };
    }
}
