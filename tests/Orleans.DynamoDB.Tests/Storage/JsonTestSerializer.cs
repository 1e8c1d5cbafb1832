using System.Text.Json;
using Orleans.Storage;

namespace OrleansDynamoDb.Tests.Storage;

/// <summary>A plain JSON <see cref="IGrainStorageSerializer"/>, so the provider is tested without a silo.</summary>
public sealed class JsonTestSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span);
}
