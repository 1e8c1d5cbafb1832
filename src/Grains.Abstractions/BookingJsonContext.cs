using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Abstractions;

/// <summary>Source-generated JSON contracts for grain calls that cross process boundaries.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateVenue))]
[JsonSerializable(typeof(Outcome<Venue>))]
[JsonSerializable(typeof(Venue))]
[JsonSerializable(typeof(CreateEvent))]
[JsonSerializable(typeof(UpdateEvent))]
[JsonSerializable(typeof(EventCommand))]
[JsonSerializable(typeof(Outcome<EventDetails>))]
[JsonSerializable(typeof(EventDetails))]
[JsonSerializable(typeof(Outcome<Availability>))]
[JsonSerializable(typeof(Outcome<SeatList>))]
[JsonSerializable(typeof(PlaceHold))]
[JsonSerializable(typeof(HoldCommand))]
[JsonSerializable(typeof(Outcome<HoldView>))]
[JsonSerializable(typeof(ConfirmHold))]
[JsonSerializable(typeof(BookingCommand))]
[JsonSerializable(typeof(Outcome<BookingView>))]
[JsonSerializable(typeof(Outcome<EventAnalytics>))]
[JsonSerializable(typeof(EngagementMessage))]
[JsonSerializable(typeof(IReadOnlyList<UserBooking>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
public sealed partial class BookingJsonContext : JsonSerializerContext;
