using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Storage;

/// <summary>
/// The grains table: one item per (state name, grain). The key keeps the single string hash key "id"
/// that deploy/cloudformation/booking.yaml already declares, so the provider needs no new table.
/// </summary>
internal static class GrainsTableLayout
{
    /// <summary>Hash key: "{stateName}|{grainId}". State names may not contain '|', so two (state, grain) pairs never share a key.</summary>
    public const string Id = "id";

    /// <summary>The state as serialized by the provider's <c>IGrainStorageSerializer</c> (binary).</summary>
    public const string State = "state";

    /// <summary>A fresh random string on every write; compared on the next write and on clear.</summary>
    public const string ETag = "etag";

    /// <summary>DynamoDB refuses items above 400 KB, counting attribute names and values.</summary>
    public const int MaxItemBytes = 400 * 1024;

    public static string Key(string stateName, Orleans.Runtime.GrainId grainId)
    {
        if (stateName.Contains('|')) throw new ArgumentException($"State name '{stateName}' of {grainId} contains '|', which separates the state name from the grain id in the key.", nameof(stateName));
        return $"{stateName}|{grainId}";
    }

    public static CreateTableRequest CreateRequest(DynamoDbOptions options) =>
        DynamoDbTableCreator.Table(options.GrainsTable, (Id, ScalarAttributeType.S));
}
