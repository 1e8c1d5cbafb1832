using Amazon.DynamoDBv2;
using OrleansDynamoDb.Client;
using TestKit;

namespace OrleansDynamoDb.Tests;

/// <summary>
/// A client for the DynamoDB Local of this test run, and options with a table prefix of their own,
/// so every test works on fresh tables and tests never see each other's rows.
/// </summary>
public static class DynamoDbLocal
{
    public static async Task<(IAmazonDynamoDB Client, DynamoDbOptions Options)> FreshAsync()
    {
        var endpoint = await LocalAws.DynamoDbAsync();
        var options = new DynamoDbOptions
        {
            ServiceUrl = endpoint.ToString(),
            TablePrefix = $"t{Guid.NewGuid():N}-"[..14],
            CreateTables = true,
        };
        return (DynamoDbClientFactory.Create(options), options);
    }
}
