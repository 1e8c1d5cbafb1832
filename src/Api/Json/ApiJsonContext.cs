using System.Text.Json;
using System.Text.Json.Serialization;
using Api.Auth;
using Api.Bookings;
using Api.Catalogue;
using Api.Events;
using Api.Holds;
using Api.Venues;
using Grains.Abstractions;

namespace Api.Json;

/// <summary>Source-generated contracts of every request and response, so the hot paths never reflect over types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DevTokenRequest))]
[JsonSerializable(typeof(DevTokenResponse))]
[JsonSerializable(typeof(CreateVenueRequest))]
[JsonSerializable(typeof(Venue))]
[JsonSerializable(typeof(CreateEventRequest))]
[JsonSerializable(typeof(UpdateEventRequest))]
[JsonSerializable(typeof(EventDetails))]
[JsonSerializable(typeof(Availability))]
[JsonSerializable(typeof(SeatList))]
[JsonSerializable(typeof(EventAnalytics))]
[JsonSerializable(typeof(Api.Cluster.ClusterResponse))]
[JsonSerializable(typeof(PlaceHoldRequest))]
[JsonSerializable(typeof(ExtendHoldRequest))]
[JsonSerializable(typeof(ConfirmHoldRequest))]
[JsonSerializable(typeof(HoldView))]
[JsonSerializable(typeof(BookingView))]
[JsonSerializable(typeof(MyBookingsResponse))]
[JsonSerializable(typeof(CataloguePage))]
[JsonSerializable(typeof(SuggestResponse))]
[JsonSerializable(typeof(AnalyticsPage))]
[JsonSerializable(typeof(EventAttendee))]
[JsonSerializable(typeof(BookingTicketList))]
[JsonSerializable(typeof(TicketKeyView))]
[JsonSerializable(typeof(Api.CheckIns.CheckInRequest))]
[JsonSerializable(typeof(CheckInView))]
[JsonSerializable(typeof(CheckInStatsView))]
[JsonSerializable(typeof(Api.CheckIns.CheckInBatchRequest))]
[JsonSerializable(typeof(CheckInBatchView))]
[JsonSerializable(typeof(Api.Waitlist.JoinWaitlistRequest))]
[JsonSerializable(typeof(WaitlistEntryView))]
[JsonSerializable(typeof(WaitlistSummary))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
