using System.Text.Json.Serialization;

namespace LoadTest.Http;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(VenueRequest))]
[JsonSerializable(typeof(VenueResponse))]
[JsonSerializable(typeof(EventRequest))]
[JsonSerializable(typeof(EventResponse))]
[JsonSerializable(typeof(HoldRequest))]
[JsonSerializable(typeof(HoldResponse))]
[JsonSerializable(typeof(ConfirmRequest))]
[JsonSerializable(typeof(BookingResponse))]
[JsonSerializable(typeof(SeatsResponse))]
[JsonSerializable(typeof(AvailabilityResponse))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(TicketListResponse))]
[JsonSerializable(typeof(CheckInRequest))]
[JsonSerializable(typeof(CheckInResponse))]
[JsonSerializable(typeof(CheckInStatsResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
