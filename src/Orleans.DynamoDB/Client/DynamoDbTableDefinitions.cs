using Amazon.DynamoDBv2.Model;

namespace OrleansDynamoDb.Client;

/// <summary>
/// Every table the providers create when DynamoDb:CreateTables is on. Production creates them from
/// the deployment template instead, which must declare exactly these (the deploy tests compare).
/// </summary>
public static class DynamoDbTableDefinitions
{
    public static IReadOnlyList<CreateTableRequest> All(DynamoDbOptions options) =>
    [
        Clustering.MembershipSchema.CreateTable(options.MembershipTable),
        Storage.GrainsTableLayout.CreateRequest(options),
        Reminders.RemindersTableLayout.CreateRequest(options),
        Journal.JournalTablesLayout.JournalTable(options),
        Journal.JournalTablesLayout.SnapshotsTable(options),
    ];
}
