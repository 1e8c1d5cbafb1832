using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Reminders;

/// <summary>
/// The reminders table: one item per (grain, reminder name), plus a global secondary index that
/// orders reminders by the grain's uniform hash inside a few buckets, so that a silo reads the
/// reminders of its ring range with Queries instead of scanning the whole table.
/// </summary>
internal static class RemindersTableLayout
{
    /// <summary>Hash key: the grain id string. ReadRows(grain) is one consistent Query.</summary>
    public const string GrainId = "id";

    /// <summary>Range key: the reminder name.</summary>
    public const string Name = "name";

    /// <summary>The grain's uniform hash code (0..2^32-1), the position on the ring.</summary>
    public const string Hash = "ghash";

    /// <summary>Top <see cref="BucketBits"/> bits of the hash: the index's hash key.</summary>
    public const string Bucket = "bucket";

    /// <summary>StartAt as UTC ticks, so it round-trips exactly.</summary>
    public const string StartAt = "start";

    /// <summary>Period in ticks.</summary>
    public const string Period = "period";

    /// <summary>A fresh random string on every upsert.</summary>
    public const string ETag = "etag";

    public const string HashIndex = "hash-index";

    /// <summary>
    /// 16 buckets: enough to spread the index's writes over several partitions, few enough that a
    /// whole-ring read is 16 Queries. Changing it needs every item's bucket rewritten.
    /// </summary>
    public const int BucketBits = 4;

    public const int BucketShift = 32 - BucketBits;

    public static uint BucketOf(uint hash) => hash >> BucketShift;

    public static uint FirstHashOf(uint bucket) => bucket << BucketShift;

    public static uint LastHashOf(uint bucket) => FirstHashOf(bucket) | (uint.MaxValue >> BucketBits);

    public static CreateTableRequest CreateRequest(DynamoDbOptions options)
    {
        var request = DynamoDbTableCreator.Table(options.RemindersTable, (GrainId, ScalarAttributeType.S), (Name, ScalarAttributeType.S));
        request.AttributeDefinitions.Add(new AttributeDefinition(Bucket, ScalarAttributeType.N));
        request.AttributeDefinitions.Add(new AttributeDefinition(Hash, ScalarAttributeType.N));
        request.GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = HashIndex,
                KeySchema = [new KeySchemaElement(Bucket, KeyType.HASH), new KeySchemaElement(Hash, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ];
        return request;
    }
}
