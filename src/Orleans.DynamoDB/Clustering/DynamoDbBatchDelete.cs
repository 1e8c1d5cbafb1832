using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OrleansDynamoDb.Clustering;

internal static class DynamoDbBatchDelete
{
    // DynamoDB's limit of requests per BatchWriteItem.
    private const int BatchSize = 25;
    private const int MaxAttempts = 8;

    /// <summary>Deletes the items with these keys, resubmitting whatever DynamoDB leaves unprocessed.</summary>
    public static async Task DeleteAsync(IAmazonDynamoDB client, string tableName, IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var pending = chunk.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } }).ToList();
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                if (attempt > MaxAttempts)
                {
                    throw new InvalidOperationException($"{pending.Count} deletes in {tableName} were still unprocessed after {MaxAttempts} attempts.");
                }

                if (attempt > 1) await Task.Delay(TimeSpan.FromMilliseconds(50 << Math.Min(attempt, 6)), cancellationToken);
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new() { [tableName] = pending },
                }, cancellationToken);
                pending = response.UnprocessedItems is { } unprocessed && unprocessed.TryGetValue(tableName, out var left) ? left : [];
            }
        }
    }
}
