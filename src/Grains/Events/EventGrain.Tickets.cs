using Grains.Abstractions;
using Grains.Events.Journal;
using Grains.Tickets;

namespace Grains.Events;

public sealed partial class EventGrain
{
    async Task<Outcome<BookingTicketList>> IEventGrain.GetTickets(BookingCommand command)
    {
        var booking = FindBooking(command, out var failure);
        if (booking is null) return failure!;
        var key = EnsureTicketKey(out var keyDurable);
        await keyDurable;
        await _journal.WhenDurable();
        return Outcome<BookingTicketList>.Ok(TicketListOf(booking, key));
    }

    async Task<Outcome<BookingTicketList>> IEventGrain.GetTicketsByLink(TicketsLinkCommand command)
    {
        if (!_state.Exists) return NotFound();

        // The token is checked before the booking is looked up, so a link cannot probe which bookings exist.
        if (!BookingIds.TryParse(EventId, command.BookingId, out var number))
        {
            return Failure.NotFound("Booking not found", $"Event {EventId} has no booking '{command.BookingId}'.");
        }

        if (_state.TicketKey is not { } key) return LinkRefused(new(TicketsLinkProblem.BadSignature, "This event has issued no tickets links."));
        _ticketPublicKey ??= key.Public;
        if (TicketsLink.Verify(command.Access, EventId, number, _ticketPublicKey) is { } refusal) return LinkRefused(refusal);

        // Only someone holding the private key could sign a link to a booking the event never made.
        if (!_state.Bookings.TryGetValue(number, out var booking))
        {
            return Failure.NotFound("Booking not found", $"Event {EventId} has no booking '{command.BookingId}'.");
        }

        // A cancellation already decided (perhaps still on its way to the journal) or made meanwhile ends the link.
        var cancelledAt = booking.CancelledAt;
        await _journal.WhenDurable();
        return (cancelledAt ?? booking.CancelledAt) is { } at
            ? Failure.Gone("Booking cancelled", $"Booking {command.BookingId} was cancelled at {at:O}; its tickets link no longer serves tickets.")
            : Outcome<BookingTicketList>.Ok(TicketListOf(booking, key));
    }

    async Task<Outcome<TicketKeyView>> IEventGrain.GetTicketKey(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsDoorStaff(command.Caller)) return Failure.Forbidden("Only the event's owner, door staff or an admin may read its ticket key.");
        var key = EnsureTicketKey(out var keyDurable);
        await keyDurable;
        await _journal.WhenDurable();
        return Outcome<TicketKeyView>.Ok(new TicketKeyView { Algorithm = TicketPublicKey.AlgorithmName, PublicKey = key.Public.SubjectPublicKeyInfo });
    }

    /// <summary>
    /// The event's key pair; events created before tickets existed get theirs on first need. The
    /// key is in the state at once (so concurrent callers share it); <paramref name="durable"/>
    /// completes when it is journaled, and nothing signed with it may be answered before that.
    /// </summary>
    private TicketKeyPair EnsureTicketKey(out Task durable)
    {
        if (_state.TicketKey is { } key)
        {
            durable = Task.CompletedTask;
            return key;
        }

        durable = Emit(new TicketKeyIssued(TicketKeyPair.Generate(), TimeProvider.GetUtcNow()));
        return _state.TicketKey!;
    }

    /// <summary>Every ticket of the booking, each code signed now (Ed25519 is deterministic: always the same code).</summary>
    private BookingTicketList TicketListOf(BookingRecord booking, TicketKeyPair key)
    {
        var seatIds = SeatIdsOf(booking);
        var payloads = BookingTickets.Of(EventId, booking.Number, seatIds, booking.Quantity);
        var items = new TicketView[payloads.Count];
        for (var i = 0; i < payloads.Count; i++)
        {
            var ticket = payloads[i];
            items[i] = new TicketView
            {
                TicketId = ticket.TicketId,
                SeatId = ticket.SeatId,
                Code = TicketCodec.Sign(ticket, key),
                Status = booking.IsCancelled ? TicketStatuses.Cancelled
                    : _state.CheckIns.Find(ticket.TicketId) is not null ? TicketStatuses.CheckedIn
                    : TicketStatuses.Valid,
            };
        }

        return new BookingTicketList
        {
            EventId = EventId,
            EventTitle = _state.Definition!.Title,
            StartAt = _state.Definition.StartAt,
            BookingId = BookingIds.Format(EventId, booking.Number),
            HolderId = booking.UserId,
            Items = items,
        };
    }

    /// <summary>
    /// The outbox entries as they are delivered: booking emails (confirmation and reminder) get the
    /// access token of the booking's tickets link. Signed at delivery rather than journaled, so the
    /// journal and snapshots carry no copies, and messages queued before links existed get one too;
    /// a redelivery carries the same token. Events created before tickets get their key first, and
    /// no token leaves before that key is durable.
    /// </summary>
    private async Task<List<OutboxEntry>> WithTicketsLinksAsync(List<OutboxEntry> due)
    {
        var numbers = new List<int>();
        foreach (var entry in due)
        {
            if (TicketsLinkBooking(entry.Message) is { } number) numbers.Add(number);
        }

        if (numbers.Count == 0) return due;
        var key = EnsureTicketKey(out var keyDurable);
        await keyDurable;
        var tokens = TicketsLink.Sign(EventId, numbers, key);
        var next = 0;
        return due.ConvertAll(entry => TicketsLinkBooking(entry.Message) is null
            ? entry
            : entry with { Message = entry.Message with { TicketsAccess = tokens[next++] } });
    }

    private int? TicketsLinkBooking(EngagementMessage message) =>
        message.Kind is EngagementKind.BookingConfirmed or EngagementKind.BookingReminder
        && BookingIds.TryParse(EventId, message.BookingId, out var number) ? number : null;

    /// <summary>400 for a token that is not one, 403 (its title naming the problem) for one that does not open this booking.</summary>
    private static Failure LinkRefused(TicketsLinkRefusal refusal) => refusal.Problem switch
    {
        TicketsLinkProblem.Malformed => Failure.Invalid("Malformed tickets link", refusal.Detail),
        _ => new Failure
        {
            Kind = FailureKind.Forbidden,
            Title = refusal.Problem switch
            {
                TicketsLinkProblem.BadSignature => "Forged or altered tickets link",
                TicketsLinkProblem.OtherEvent => "Tickets link of another event",
                _ => "Tickets link of another booking",
            },
            Detail = refusal.Detail,
        },
    };

    private IReadOnlyList<string> SeatIdsOf(BookingRecord booking)
    {
        if (booking.Seats.Length == 0 || _state.Inventory is not { } inventory) return [];
        var ids = new string[booking.Seats.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = inventory.Layout.SeatId(booking.Seats[i]);
        return ids;
    }

    private bool IsDoorStaff(Caller caller) => caller.IsStaff || IsOrganizer(caller);
}
