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

    /// <summary>
    /// Several holds decided in one turn, in the order given, made durable by one group commit;
    /// each answer is what <see cref="PlaceHold"/> would have answered alone.
    /// </summary>
    [Alias("PlaceHolds")]
    Task<IReadOnlyList<Outcome<HoldView>>> PlaceHolds(IReadOnlyList<PlaceHold> commands);

    [Alias("GetHold")]
    Task<Outcome<HoldView>> GetHold(HoldCommand command);

    [Alias("ExtendHold")]
    Task<Outcome<HoldView>> ExtendHold(HoldCommand command);

    [Alias("ReleaseHold")]
    Task<Outcome<HoldView>> ReleaseHold(HoldCommand command);

    /// <summary>Several releases decided in one turn; each answer is what <see cref="ReleaseHold"/> would have answered alone.</summary>
    [Alias("ReleaseHolds")]
    Task<IReadOnlyList<Outcome<HoldView>>> ReleaseHolds(IReadOnlyList<HoldCommand> commands);

    [Alias("Confirm")]
    Task<Outcome<BookingView>> Confirm(ConfirmHold command);

    [Alias("GetBooking")]
    Task<Outcome<BookingView>> GetBooking(BookingCommand command);

    [Alias("CancelBooking")]
    Task<Outcome<BookingView>> CancelBooking(BookingCommand command);

    [Alias("GetAnalytics")]
    Task<Outcome<EventAnalytics>> GetAnalytics(EventCommand command);

    /// <summary>Registers a CRM attendee without a seat; Created is false when they already were one.</summary>
    [Alias("AddAttendee")]
    Task<Outcome<EventAttendee>> AddAttendee(AttendeeCommand command);

    /// <summary>Removes a CRM attendee; succeeds too when they were not (or no longer) one.</summary>
    [Alias("RemoveAttendee")]
    Task<Outcome<EventAttendee>> RemoveAttendee(AttendeeCommand command);

    /// <summary>Deletes an event that never had a booking; Conflict otherwise. Repeating it succeeds.</summary>
    [Alias("Delete")]
    Task<Outcome<bool>> Delete(EventCommand command);

    /// <summary>A confirmed booking's tickets with their signed codes (the buyer, the event's owner or an admin).</summary>
    [Alias("GetTickets")]
    Task<Outcome<BookingTicketList>> GetTickets(BookingCommand command);

    /// <summary>
    /// A booking's tickets for whoever follows its tickets link: no caller, the link's access token
    /// instead (Gone once the booking is cancelled).
    /// </summary>
    [Alias("GetTicketsByLink")]
    Task<Outcome<BookingTicketList>> GetTicketsByLink(TicketsLinkCommand command);

    /// <summary>The public key scanners verify codes with (the event's owner, door staff or an admin).</summary>
    [Alias("GetTicketKey")]
    Task<Outcome<TicketKeyView>> GetTicketKey(EventCommand command);

    /// <summary>An online scan: admits a ticket exactly once, whatever the number of gates and silos.</summary>
    [Alias("CheckIn")]
    Task<Outcome<CheckInView>> CheckIn(CheckInCommand command);

    /// <summary>Scans of offline gates: each ticket admits once, the earliest scan winning.</summary>
    [Alias("CheckInBatch")]
    Task<Outcome<CheckInBatchView>> CheckInBatch(CheckInBatchCommand command);

    [Alias("GetCheckInStats")]
    Task<Outcome<CheckInStatsView>> GetCheckInStats(EventCommand command);

    /// <summary>Queues the caller for seats of a sold-out event; Created is false when they already wait for as many.</summary>
    [Alias("JoinWaitlist")]
    Task<Outcome<WaitlistEntryView>> JoinWaitlist(JoinWaitlist command);

    /// <summary>The caller's entry (their latest one); NotFound when they never joined.</summary>
    [Alias("GetWaitlistEntry")]
    Task<Outcome<WaitlistEntryView>> GetWaitlistEntry(EventCommand command);

    /// <summary>The caller leaves; seats on offer to them go on to the next entry.</summary>
    [Alias("LeaveWaitlist")]
    Task<Outcome<WaitlistEntryView>> LeaveWaitlist(EventCommand command);

    /// <summary>Counts by status and the length of the queue (the event's owner or an admin).</summary>
    [Alias("GetWaitlist")]
    Task<Outcome<WaitlistSummary>> GetWaitlist(EventCommand command);
}
