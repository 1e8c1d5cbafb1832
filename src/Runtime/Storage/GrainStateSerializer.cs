using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Runtime.Storage;

/// <summary>
/// Serializes grain state and call payloads with System.Text.Json. Source-generated contexts
/// registered by the application come first; reflection is the fallback for the rest.
/// </summary>
public sealed class GrainStateSerializer
{
    public GrainStateSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, new DefaultJsonTypeInfoResolver()]),
        };
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    public T Deserialize<T>(ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize(data, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))
        ?? throw new InvalidDataException($"Stored {typeof(T).Name} deserialized to null.");
}
