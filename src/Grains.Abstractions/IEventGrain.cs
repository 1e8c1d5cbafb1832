using Runtime;

namespace Grains.Abstractions;

/// <summary>
/// The single owner of one event's seats (key = event id). It decides holds, confirmations,
/// releases and cancellations one at a time and answers only once each decision is durable.
/// </summary>
public interface IEventGrain : IGrainWithStringKey
{
    Task<Outcome<EventDetails>> Create(CreateEvent command);

    Task<Outcome<EventDetails>> Update(UpdateEvent command);

    Task<Outcome<EventDetails>> Publish(EventCommand command);

    Task<Outcome<EventDetails>> Cancel(EventCommand command);

    Task<EventDetails?> Get();

    Task<Outcome<Availability>> GetAvailability();

    Task<Outcome<SeatList>> GetSeats();

    Task<Outcome<HoldView>> PlaceHold(PlaceHold command);

    Task<Outcome<HoldView>> GetHold(HoldCommand command);

    Task<Outcome<HoldView>> ExtendHold(HoldCommand command);

    Task<Outcome<HoldView>> ReleaseHold(HoldCommand command);

    Task<Outcome<BookingView>> Confirm(ConfirmHold command);

    Task<Outcome<BookingView>> GetBooking(BookingCommand command);

    Task<Outcome<BookingView>> CancelBooking(BookingCommand command);

    Task<Outcome<EventAnalytics>> GetAnalytics(EventCommand command);
}
