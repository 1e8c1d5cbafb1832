using System.Buffers;
using System.Text.Json;
using Runtime.Invocation;
using Runtime.Storage;

namespace Runtime.Cluster;

/// <summary>
/// The internal call format: {"grain":"type/key","method":"IX.M","args":[...]} and
/// {"result":...} or {"error":kind,"message":...}, written with the registered source-generated
/// contracts (reflection only for types nobody registered).
/// </summary>
internal sealed class CallCodec(GrainStateSerializer serializer)
{
    private readonly JsonSerializerOptions _options = serializer.Options;

    public byte[] EncodeRequest(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("grain", grainId.ToString());
            writer.WriteString("method", method.Name);
            writer.WriteStartArray("args");
            for (var i = 0; i < arguments.Length; i++)
            {
                JsonSerializer.Serialize(writer, arguments[i], _options.GetTypeInfo(method.ParameterTypes[i]));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public (GrainId GrainId, string Method, JsonElement Arguments) DecodeRequestHeader(JsonDocument document)
    {
        var root = document.RootElement;
        return (GrainId.Parse(root.GetProperty("grain").GetString()!), root.GetProperty("method").GetString()!, root.GetProperty("args"));
    }

    public object?[] DecodeArguments(GrainMethod method, JsonElement arguments)
    {
        var values = new object?[method.ParameterTypes.Length];
        var i = 0;
        foreach (var argument in arguments.EnumerateArray())
        {
            if (i >= values.Length) throw new JsonException($"{method.Name} takes {values.Length} arguments.");
            values[i] = argument.Deserialize(_options.GetTypeInfo(method.ParameterTypes[i]));
            i++;
        }

        if (i != values.Length) throw new JsonException($"{method.Name} takes {values.Length} arguments, got {i}.");
        return values;
    }

    public byte[] EncodeResult(GrainMethod method, object? result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("result");
            if (method.ResultType is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, result, _options.GetTypeInfo(method.ResultType));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public object? DecodeResult(GrainMethod method, ReadOnlySpan<byte> body)
    {
        if (method.ResultType is null) return null;
        var reader = new Utf8JsonReader(body);
        reader.Read();
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("result")) throw new JsonException("Expected a result.");
        reader.Read();
        return JsonSerializer.Deserialize(ref reader, _options.GetTypeInfo(method.ResultType));
    }

    public static byte[] EncodeError(string kind, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["error"] = kind, ["message"] = message });

    public static (string Kind, string Message) DecodeError(ReadOnlySpan<byte> body)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(body);
            return (values?.GetValueOrDefault("error") ?? WireErrors.Failed, values?.GetValueOrDefault("message") ?? "");
        }
        catch (JsonException)
        {
            return (WireErrors.Failed, "unreadable error body");
        }
    }
}
