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

        return Outcome<BookingTicketList>.Ok(new BookingTicketList
        {
            EventId = EventId,
            EventTitle = _state.Definition!.Title,
            StartAt = _state.Definition.StartAt,
            BookingId = BookingIds.Format(EventId, booking.Number),
            HolderId = booking.UserId,
            Items = items,
        });
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

    private IReadOnlyList<string> SeatIdsOf(BookingRecord booking)
    {
        if (booking.Seats.Length == 0 || _state.Inventory is not { } inventory) return [];
        var ids = new string[booking.Seats.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = inventory.Layout.SeatId(booking.Seats[i]);
        return ids;
    }

    private bool IsDoorStaff(Caller caller) => caller.IsStaff || IsOrganizer(caller);
}
