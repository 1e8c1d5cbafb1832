using Grains.Abstractions;
using Grains.Events.Journal;
using Grains.Tickets;

namespace Grains.Events;

public sealed partial class EventGrain
{
    // Importing the public key costs more than a verification; it never changes once issued.
    private TicketPublicKey? _ticketPublicKey;

    async Task<Outcome<CheckInView>> IEventGrain.CheckIn(CheckInCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsDoorStaff(command.Caller)) return Failure.Forbidden("Only the event's owner, door staff or an admin may check tickets in.");
        if (Read(command.Code, out var ticket, out var booking) is { } invalid)
        {
            await _journal.WhenDurable();
            return Outcome<CheckInView>.Ok(invalid);
        }

        // Decided here, before any await: concurrent scans of one ticket see each other's admission.
        var now = TimeProvider.GetUtcNow();
        if (booking.CancelledAt <= now)
        {
            await _journal.WhenDurable();
            return Outcome<CheckInView>.Ok(View(ticket, CheckInResult.Cancelled(ticket.TicketId)));
        }

        if (_state.CheckIns.Find(ticket.TicketId) is { } first)
        {
            // The first admission may still be on its way to the journal; a duplicate is answered once it is durable.
            await _journal.WhenDurable();
            return Outcome<CheckInView>.Ok(View(ticket, CheckInResult.Duplicate(ticket.TicketId, first)));
        }

        await Emit(new TicketCheckedIn(ticket.TicketId, command.Gate, now));
        return Outcome<CheckInView>.Ok(View(ticket, CheckInResult.Admitted(ticket.TicketId, _state.CheckIns.Find(ticket.TicketId)!)), created: true);
    }

    async Task<Outcome<CheckInStatsView>> IEventGrain.GetCheckInStats(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsDoorStaff(command.Caller)) return Failure.Forbidden("Only the event's owner, door staff or an admin may read its check-in figures.");
        await _journal.WhenDurable();
        var stats = _state.CheckIns.Stats(_state.Booked);
        return Outcome<CheckInStatsView>.Ok(new CheckInStatsView { Tickets = stats.Tickets, CheckedIn = stats.CheckedIn, ByGate = stats.ByGate });
    }

    /// <summary>
    /// Verifies a code with the event's key and finds its booking; null when it is a ticket of this
    /// event, else the invalid answer naming the problem.
    /// </summary>
    private CheckInView? Read(string? code, out TicketPayload ticket, out BookingRecord booking)
    {
        ticket = null!;
        booking = null!;
        if (_state.TicketKey is not { } key) return Invalid("unknownTicket", "This event has issued no tickets.");
        _ticketPublicKey ??= key.Public;
        switch (TicketCodec.Verify(code, EventId, _ticketPublicKey))
        {
            case TicketVerification.Invalid refused:
                return Invalid(ProblemName(refused.Problem), refused.Detail);
            case TicketVerification.Valid valid:
                ticket = valid.Ticket;
                break;
        }

        // Only someone holding the private key could sign a ticket the event never issued.
        if (!_state.Bookings.TryGetValue(ticket.Booking, out booking!) || ticket.Unit > booking.Quantity
            || ticket.SeatId != (booking.Seats.Length == 0 ? null : _state.Inventory!.Layout.SeatId(booking.Seats[ticket.Unit - 1])))
        {
            return Invalid("unknownTicket", $"The code is signed for this event, but booking {ticket.BookingId} has no ticket {ticket.TicketId}.");
        }

        return null;
    }

    private static CheckInView View(TicketPayload ticket, CheckInResult result) => new()
    {
        TicketId = ticket.TicketId,
        SeatId = ticket.SeatId,
        Status = result.Status switch
        {
            CheckInStatus.Admitted => CheckInStatuses.Admitted,
            CheckInStatus.Duplicate => CheckInStatuses.Duplicate,
            _ => CheckInStatuses.Cancelled,
        },
        CheckedInAt = result.CheckedInAt,
        Gate = result.Gate,
    };

    private static CheckInView Invalid(string problem, string detail) => new() { Status = CheckInStatuses.Invalid, Problem = problem, Detail = detail };

    private static string ProblemName(TicketCodeProblem problem) => problem switch
    {
        TicketCodeProblem.Malformed => "malformed",
        TicketCodeProblem.BadSignature => "badSignature",
        TicketCodeProblem.OtherEvent => "otherEvent",
        _ => problem.ToString(),
    };
}
