using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Runtime.Storage.DynamoDb;

/// <summary>Creates the runtime's tables when missing (CreateTables = true), before anything else starts.</summary>
public sealed class DynamoDbTables(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options) : IHostedService
{
    public const string ReminderDueIndex = "due-index";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.CreateTables) return;
        await Task.WhenAll(
            EnsureAsync(Table(o.GrainsTable, ("id", ScalarAttributeType.S)), cancellationToken),
            EnsureAsync(Table(o.JournalTable, ("id", ScalarAttributeType.S), ("seq", ScalarAttributeType.N)), cancellationToken),
            EnsureAsync(Table(o.SnapshotsTable, ("id", ScalarAttributeType.S), ("sk", ScalarAttributeType.N)), cancellationToken),
            EnsureAsync(RemindersTable(o.RemindersTable), cancellationToken),
            EnsureAsync(Table(o.MembershipTable, ("cluster", ScalarAttributeType.S), ("silo", ScalarAttributeType.S)), cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static CreateTableRequest Table(string name, (string Name, ScalarAttributeType Type) hash, (string Name, ScalarAttributeType Type)? range = null)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(hash.Name, hash.Type)],
            KeySchema = [new KeySchemaElement(hash.Name, KeyType.HASH)],
        };
        if (range is { } r)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(r.Name, r.Type));
            request.KeySchema.Add(new KeySchemaElement(r.Name, KeyType.RANGE));
        }

        return request;
    }

    private static CreateTableRequest RemindersTable(string name)
    {
        var request = Table(name, ("id", ScalarAttributeType.S), ("name", ScalarAttributeType.S));
        request.AttributeDefinitions.Add(new AttributeDefinition("shard", ScalarAttributeType.N));
        request.AttributeDefinitions.Add(new AttributeDefinition("due", ScalarAttributeType.N));
        request.GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = ReminderDueIndex,
                KeySchema = [new KeySchemaElement("shard", KeyType.HASH), new KeySchemaElement("due", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ];
        return request;
    }

    private Task EnsureAsync(CreateTableRequest request, CancellationToken cancellationToken) => EnsureTableAsync(client, request, cancellationToken);

    /// <summary>Creates the table unless it exists, and waits until it and its indexes are active.</summary>
    public static async Task EnsureTableAsync(IAmazonDynamoDB client, CreateTableRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeTableAsync(request.TableName, cancellationToken);
            return;
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await client.CreateTableAsync(request, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Another process created it first.
        }

        for (var attempt = 0; attempt < 300; attempt++)
        {
            var table = (await client.DescribeTableAsync(request.TableName, cancellationToken)).Table;
            if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE)) return;
            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Table {request.TableName} did not become active.");
    }
}
