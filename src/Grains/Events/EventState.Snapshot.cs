using Grains.Events.Journal;
using Grains.Events.Seating;
using Grains.Tickets;
using Grains.Waitlist;

namespace Grains.Events;

public sealed partial class EventState
{
    public EventSnapshot ToSnapshot() => new()
    {
        Definition = Definition ?? throw new InvalidOperationException($"Event {EventId} has no state to snapshot."),
        OwnerId = OwnerId,
        VenueId = VenueId,
        Sections = Sections,
        Capacity = Capacity,
        Status = Status,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        NextHold = NextHold,
        NextBooking = NextBooking,
        NextOutbox = NextOutbox,
        Counters = Counters,
        BookingRemindersQueued = BookingRemindersQueued,
        Holds = [.. _holds.Values],
        Bookings = [.. _bookings.Values],
        Idempotency = new(_idempotency, StringComparer.Ordinal),
        Outbox = [.. _outbox],
        Attendees = [.. _attendees],
        TicketKey = TicketKey,
        CheckIns = new(CheckIns.CheckIns, StringComparer.Ordinal),
        Waitlist = [.. Waitlist.Entries],
    };

    public static EventState FromSnapshot(string eventId, EventSnapshot snapshot)
    {
        var state = new EventState(eventId)
        {
            Definition = snapshot.Definition,
            OwnerId = snapshot.OwnerId,
            VenueId = snapshot.VenueId,
            Sections = snapshot.Sections,
            Capacity = snapshot.Capacity,
            Status = snapshot.Status,
            CreatedAt = snapshot.CreatedAt,
            UpdatedAt = snapshot.UpdatedAt,
            NextHold = snapshot.NextHold,
            NextBooking = snapshot.NextBooking,
            NextOutbox = snapshot.NextOutbox,
            Counters = snapshot.Counters,
            BookingRemindersQueued = snapshot.BookingRemindersQueued,
            TicketKey = snapshot.TicketKey,
            CheckIns = new CheckInLedger(snapshot.CheckIns),
            Waitlist = new WaitingList(snapshot.Waitlist),
        };
        if (snapshot.Sections is { Count: > 0 } sections)
        {
            state._inventory = new SeatInventory(SeatLayouts.FromSections(sections));
        }

        foreach (var hold in snapshot.Holds)
        {
            state._holds.Add(hold.Number, hold);
            if (hold.Status != HoldStatus.Active) continue;
            state.ActiveHoldCount++;
            if (hold.RequestId is not null) state._activeHoldsByRequest[hold.RequestId] = hold.Number;
            state._seatsHeldByUser[hold.UserId] = state.SeatsHeldBy(hold.UserId) + hold.Quantity;
            state._expiries.Enqueue(hold.Number, hold.ExpiresAt);
            if (state._inventory is null) state._gaHeld += hold.Quantity;
            else foreach (var seat in hold.Seats) state._inventory.Hold(seat, hold.Number);
        }

        // The order they ended in is not stored; expiry time is close to it (a release comes before it).
        foreach (var hold in snapshot.Holds.Where(h => h.Status is HoldStatus.Expired or HoldStatus.Released).OrderBy(h => h.ExpiresAt).ThenBy(h => h.Number))
        {
            state._ended.Enqueue(hold.Number);
        }

        foreach (var booking in snapshot.Bookings)
        {
            state._bookings.Add(booking.Number, booking);
            if (booking.IsCancelled) continue;
            if (state._inventory is null)
            {
                state._gaBooked += booking.Quantity;
                continue;
            }

            // Booked seats went through Held; the inventory enforces that order.
            foreach (var seat in booking.Seats)
            {
                state._inventory.Hold(seat, booking.Number);
                state._inventory.Book(seat, booking.Number);
            }
        }

        foreach (var (key, entry) in snapshot.Idempotency) state._idempotency[key] = entry;
        state._outbox.AddRange(snapshot.Outbox);
        state._attendees.UnionWith(snapshot.Attendees);
        return state;
    }
}
