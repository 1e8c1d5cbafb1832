using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrleansDynamoDb.Client;

/// <summary>Creates a provider's table when it is missing and waits until it (and its indexes) can be used.</summary>
public static class DynamoDbTableCreator
{
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

    /// <summary>Creates the table unless it exists, and waits until it and its indexes are active.</summary>
    public static async Task EnsureTableAsync(IAmazonDynamoDB client, CreateTableRequest request, CancellationToken cancellationToken = default)
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
