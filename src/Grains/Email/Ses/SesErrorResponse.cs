using System.Text.Json.Serialization;

namespace Grains.Email.Ses;

// AWS sends "message" (sometimes "Message") and may put the error type in "__type";
// the local SES server uses "type" and adds "detail".
internal sealed record SesErrorResponse(
    string? Message,
    string? Type,
    [property: JsonPropertyName("__type")] string? AwsType,
    string? Detail);
