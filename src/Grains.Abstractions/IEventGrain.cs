namespace Grains.Abstractions;

/// <summary>
/// The single owner of one event's seats (key = event id). It decides holds, confirmations,
/// releases and cancellations one at a time and answers only once each decision is durable.
/// </summary>
[Alias("IEventGrain")]
public interface IEventGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<Outcome<EventDetails>> Create(CreateEvent command);

    [Alias("Update")]
    Task<Outcome<EventDetails>> Update(UpdateEvent command);

    [Alias("Publish")]
    Task<Outcome<EventDetails>> Publish(EventCommand command);

    [Alias("Cancel")]
    Task<Outcome<EventDetails>> Cancel(EventCommand command);

    [Alias("Get")]
    Task<EventDetails?> Get();

    [Alias("GetAvailability")]
    Task<Outcome<Availability>> GetAvailability();

    [Alias("GetSeats")]
    Task<Outcome<SeatList>> GetSeats();

    [Alias("PlaceHold")]
    Task<Outcome<HoldView>> PlaceHold(PlaceHold command);

    [Alias("GetHold")]
    Task<Outcome<HoldView>> GetHold(HoldCommand command);

    [Alias("ExtendHold")]
    Task<Outcome<HoldView>> ExtendHold(HoldCommand command);

    [Alias("ReleaseHold")]
    Task<Outcome<HoldView>> ReleaseHold(HoldCommand command);

    [Alias("Confirm")]
    Task<Outcome<BookingView>> Confirm(ConfirmHold command);

    [Alias("GetBooking")]
    Task<Outcome<BookingView>> GetBooking(BookingCommand command);

    [Alias("CancelBooking")]
    Task<Outcome<BookingView>> CancelBooking(BookingCommand command);

    [Alias("GetAnalytics")]
    Task<Outcome<EventAnalytics>> GetAnalytics(EventCommand command);
}
