using System.Text.Json.Serialization;

namespace Grains.Email.Ses;

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SendEmailRequest))]
[JsonSerializable(typeof(SendEmailResponse))]
[JsonSerializable(typeof(SesErrorResponse))]
internal sealed partial class SesJsonContext : JsonSerializerContext;
