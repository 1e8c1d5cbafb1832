using Grains.Abstractions;
using Grains.Events.Journal;
using Grains.Tickets;

namespace Grains.Events;

public sealed partial class EventGrain
{
    // Importing the public key costs more than a verification; it never changes once issued.
    private TicketPublicKey? _ticketPublicKey;

    /// <summary>A gate uploads what it scanned while offline; a few thousand tickets at most per gate and hour.</summary>
    public const int MaxScansPerBatch = 1000;

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

    async Task<Outcome<CheckInBatchView>> IEventGrain.CheckInBatch(CheckInBatchCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsDoorStaff(command.Caller)) return Failure.Forbidden("Only the event's owner, door staff or an admin may check tickets in.");
        if (command.Scans.Count > MaxScansPerBatch) return Failure.Invalid("Too many scans", $"A batch holds at most {MaxScansPerBatch} scans; upload the rest in another.");

        var answers = new CheckInView?[command.Scans.Count];
        var tickets = new TicketPayload?[command.Scans.Count];
        var cancellations = new DateTimeOffset?[command.Scans.Count];
        var verified = new List<GateScan>(command.Scans.Count);
        var changes = false;
        for (var i = 0; i < command.Scans.Count; i++)
        {
            var scan = command.Scans[i];
            answers[i] = Read(scan.Code, out var ticket, out var booking);
            if (answers[i] is not null) continue;
            tickets[i] = ticket;
            cancellations[i] = booking.CancelledAt;
            var gateScan = new GateScan(ticket.TicketId, scan.Gate, scan.ScannedAt, booking.CancelledAt);
            verified.Add(gateScan);
            // Only an upload that admits a ticket, or moves an offline admission to an earlier scan, is journaled.
            if (!(gateScan.CancelledAt <= gateScan.ScannedAt) && _state.CheckIns.Find(ticket.TicketId) is var recorded
                && (recorded is null || (recorded.Offline && scan.ScannedAt < recorded.At)))
            {
                changes = true;
            }
        }

        if (changes) await Emit(new TicketScansUploaded(verified));
        else await _journal.WhenDurable();

        // The ledger now holds each ticket's admission; every scan is answered against it, as AdmitBatch answers.
        var items = new CheckInView[answers.Length];
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i] is { } invalid)
            {
                items[i] = invalid;
                continue;
            }

            var ticket = tickets[i]!;
            var scan = command.Scans[i];
            // The cancellation as the decision saw it: one made while the write was in flight does not undo an earlier scan.
            var cancelledAt = cancellations[i];
            var admission = _state.CheckIns.Find(ticket.TicketId);
            items[i] = View(ticket,
                cancelledAt <= scan.ScannedAt || admission is null ? CheckInResult.Cancelled(ticket.TicketId)
                : admission.At == scan.ScannedAt && admission.Gate == scan.Gate ? CheckInResult.Admitted(ticket.TicketId, admission)
                : CheckInResult.Duplicate(ticket.TicketId, admission));
        }

        return Outcome<CheckInBatchView>.Ok(new CheckInBatchView { Items = items }, created: changes);
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
