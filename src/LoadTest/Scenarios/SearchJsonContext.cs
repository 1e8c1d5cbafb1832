using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoadTest.Scenarios;

/// <summary>Source-generated JSON of the search bench's event bodies.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, decimal>))]
[JsonSerializable(typeof(int))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
