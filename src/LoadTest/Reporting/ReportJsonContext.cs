using System.Text.Json.Serialization;

namespace LoadTest.Reporting;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(CheckInRunReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
