using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Email;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EmailRecord))]
internal sealed partial class EmailJsonContext : JsonSerializerContext;
