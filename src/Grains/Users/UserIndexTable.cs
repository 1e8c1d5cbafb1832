using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Grains.Users;

/// <summary>
/// Layout of the user filter index table ({TablePrefix}users-index): one item per user (key "id"),
/// one sparse GSI per text criterion (hash = normalized value) and four sharded GSIs that keep
/// users in sort order (hash = shard, range = "sort value \u0001 user id", unique and ordered
/// exactly as the in-memory sort). See docs/users.md.
/// </summary>
internal static class UserIndexTable
{
    public const string Id = "id";
    public const string Shard = "shard";
    public const string Revision = "rev";
    public const string Hosted = "hosted";
    public const string Attended = "attended";
    public const string CreatedAt = "createdAt";
    public const string Profile = "profile";

    /// <summary>The item holding the number of indexed users.</summary>
    public const string CountItem = "#count";
    public const string Count = "n";

    /// <summary>Separates a sort value from the user id in sort keys; below every printable character.</summary>
    public const char Separator = '\u0001';

    public static readonly IReadOnlyDictionary<string, string> TextIndexes = new Dictionary<string, string>
    {
        [UserFilterRules.Company] = "company_k",
        [UserFilterRules.JobTitle] = "jobTitle_k",
        [UserFilterRules.City] = "city_k",
        [UserFilterRules.State] = "state_k",
    };

    public static readonly IReadOnlyDictionary<string, string> SortIndexes = new Dictionary<string, string>
    {
        [UserFilterRules.CreatedAt] = "created_s",
        [UserFilterRules.LastName] = "lastName_s",
        [UserFilterRules.HostedEventCount] = "hosted_s",
        [UserFilterRules.AttendedEventCount] = "attended_s",
    };

    public static string IndexName(string attribute) => attribute + "-index";

    public static CreateTableRequest Definition(string tableName)
    {
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(Id, ScalarAttributeType.S), new AttributeDefinition(Shard, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(Id, KeyType.HASH)],
            GlobalSecondaryIndexes = [],
        };
        foreach (var attribute in TextIndexes.Values)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(attribute, ScalarAttributeType.S));
            request.GlobalSecondaryIndexes.Add(new GlobalSecondaryIndex
            {
                IndexName = IndexName(attribute),
                KeySchema = [new KeySchemaElement(attribute, KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            });
        }

        foreach (var attribute in SortIndexes.Values)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(attribute, ScalarAttributeType.S));
            request.GlobalSecondaryIndexes.Add(new GlobalSecondaryIndex
            {
                IndexName = IndexName(attribute),
                KeySchema = [new KeySchemaElement(Shard, KeyType.HASH), new KeySchemaElement(attribute, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            });
        }

        return request;
    }
}
