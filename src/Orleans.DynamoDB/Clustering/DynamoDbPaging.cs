using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrleansDynamoDb.Clustering;

internal static class DynamoDbPaging
{
    /// <summary>Runs the query to its last page; a page may be cut by size before the request's Limit.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(IAmazonDynamoDB client, QueryRequest request, CancellationToken cancellationToken = default)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            if (response.Items is { } page) items.AddRange(page);
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }
}
