using Grains.Abstractions;
using Grains.Events.Journal;

namespace Grains.Events;

public sealed partial class EventGrain
{
    async Task<Outcome<BookingView>> IEventGrain.Confirm(ConfirmHold command)
    {
        var hold = FindHold(command.HoldId, command.Caller, out var failure);
        if (hold is null) return failure!;
        if (TryReplay(command.Idempotency, "confirm", out var replayed, out var mismatch))
        {
            if (mismatch is not null) return mismatch;
            await _journal.WhenDurable();
            return Outcome<BookingView>.Ok(EventViews.Booking(_state, _state.Bookings[replayed.Number]), created: true);
        }

        ExpireDue();
        if (hold.Status == HoldStatus.Confirmed)
        {
            // Confirming twice is not an error: the buyer gets the booking they already have.
            await _journal.WhenDurable();
            return Outcome<BookingView>.Ok(EventViews.Booking(_state, _state.Bookings[hold.Booking]));
        }

        if (hold.Status != HoldStatus.Active) return HoldEnded(hold);
        var number = _state.NextBooking;
        await Emit(new BookingConfirmed(hold.Number, number, TotalOf(hold), command.PaymentReference, TimeProvider.GetUtcNow(), Record(command.Idempotency)));
        EnsureBookingReminder();
        return Outcome<BookingView>.Ok(EventViews.Booking(_state, _state.Bookings[number]), created: true);
    }

    async Task<Outcome<BookingView>> IEventGrain.GetBooking(BookingCommand command)
    {
        var booking = FindBooking(command, out var failure);
        if (booking is null) return failure!;
        await _journal.WhenDurable();
        return Outcome<BookingView>.Ok(EventViews.Booking(_state, booking));
    }

    async Task<Outcome<BookingView>> IEventGrain.CancelBooking(BookingCommand command)
    {
        var booking = FindBooking(command, out var failure);
        if (booking is null) return failure!;
        if (TryReplay(command.Idempotency, "cancelBooking", out _, out var mismatch))
        {
            if (mismatch is not null) return mismatch;
            await _journal.WhenDurable();
            return Outcome<BookingView>.Ok(EventViews.Booking(_state, booking), created: true);
        }

        if (booking.IsCancelled)
        {
            await _journal.WhenDurable();
            return Outcome<BookingView>.Ok(EventViews.Booking(_state, booking));
        }

        var durable = Emit(new BookingCancelled(booking.Number, TimeProvider.GetUtcNow(), Record(command.Idempotency)));
        OfferSeatsToWaitlist(lazily: false);
        await durable;
        return Outcome<BookingView>.Ok(EventViews.Booking(_state, booking), created: true);
    }

    private BookingRecord? FindBooking(BookingCommand command, out Failure? failure)
    {
        failure = null;
        if (!_state.Exists)
        {
            failure = NotFound();
            return null;
        }

        if (!BookingIds.TryParse(EventId, command.BookingId, out var number) || !_state.Bookings.TryGetValue(number, out var booking))
        {
            failure = Failure.NotFound("Booking not found", $"Event {EventId} has no booking '{command.BookingId}'.");
            return null;
        }

        if (booking.UserId != command.Caller.UserId && !IsOrganizer(command.Caller))
        {
            failure = Failure.Forbidden($"Booking {command.BookingId} belongs to another buyer.");
            return null;
        }

        return booking;
    }

    private decimal TotalOf(HoldRecord hold)
    {
        if (_state.GeneralAdmission) return _state.PriceOf("default") * hold.Quantity;
        var layout = _state.Inventory!.Layout;
        var total = 0m;
        foreach (var seat in hold.Seats) total += _state.PriceOf(layout.Describe(seat).SeatType);
        return total;
    }

    private bool IsOrganizer(Caller caller) => caller.IsAdmin || caller.UserId == _state.OwnerId;
}
