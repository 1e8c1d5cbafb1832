using Grains.Abstractions;
using Grains.Events.Journal;
using Grains.Waitlist;

namespace Grains.Events;

public sealed partial class EventGrain
{
    async Task<Outcome<WaitlistEntryView>> IEventGrain.JoinWaitlist(JoinWaitlist command)
    {
        if (!_state.Exists) return NotFound();
        if (command.Quantity is <= 0 or > MaxSeatsPerRequest)
        {
            return Failure.Invalid("Invalid quantity", $"quantity must be between 1 and {MaxSeatsPerRequest}.");
        }

        ExpireDue();
        if (_state.Status != EventStatus.OnSale) return NotOnSale();
        var userId = command.Caller.UserId;
        switch (_state.Waitlist.CheckJoin(userId, command.Quantity, _state.Available, _state.Definition!.MaxSeatsPerHold))
        {
            case WaitlistJoin.AlreadyListed { Entry: var listed } when listed.Quantity == command.Quantity:
                // Joining twice for as many seats is not an error: the buyer gets the place they have.
                await _journal.WhenDurable();
                return Outcome<WaitlistEntryView>.Ok(EventViews.WaitlistEntry(_state, listed));
            case WaitlistJoin.AlreadyListed { Entry: var listed }:
                return Failure.Conflict("Already on the waiting list", $"You wait for {listed.Quantity} seats ({EventViews.WaitlistStatusName(listed.Status)}); leave the waiting list first to ask for {command.Quantity}.");
            case WaitlistJoin.OverLimit { SeatLimit: var limit }:
                return Failure.Conflict("Hold limit reached", $"A buyer may hold at most {limit} seats of this event at a time; {command.Quantity} were asked for.");
            case WaitlistJoin.SeatsAvailable { FreeSeats: var free }:
                return Failure.Conflict("Seats are available", $"{free} seats are free now; hold them instead of waiting.");
        }

        await Emit(new WaitlistJoined(userId, command.Quantity, TimeProvider.GetUtcNow()));
        return Outcome<WaitlistEntryView>.Ok(EventViews.WaitlistEntry(_state, _state.Waitlist.Find(userId)!), created: true);
    }

    async Task<Outcome<WaitlistEntryView>> IEventGrain.GetWaitlistEntry(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        ExpireDue();
        if (_state.Waitlist.Find(command.Caller.UserId) is not { } entry) return NotListed();
        var view = EventViews.WaitlistEntry(_state, entry);
        await _journal.WhenDurable();
        return Outcome<WaitlistEntryView>.Ok(view);
    }

    async Task<Outcome<WaitlistEntryView>> IEventGrain.LeaveWaitlist(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        ExpireDue();
        var userId = command.Caller.UserId;
        if (_state.Waitlist.Find(userId) is not { } entry) return NotListed();
        if (!entry.IsActive)
        {
            // Leaving twice, or after the entry ended, changes nothing.
            await _journal.WhenDurable();
            return Outcome<WaitlistEntryView>.Ok(EventViews.WaitlistEntry(_state, entry));
        }

        var now = TimeProvider.GetUtcNow();
        var durable = Emit(new WaitlistLeft(userId, now));
        if (entry.Offer is { } offer && entry.Status == WaitlistStatus.Offered
            && BookingIds.TryParseHold(offer.HoldId, out var number) && _state.Holds.TryGetValue(number, out var hold) && hold.Status == HoldStatus.Active)
        {
            durable = Emit(new HoldReleased(number, null, now));
            OfferSeatsToWaitlist(lazily: false);
        }

        await durable;
        return Outcome<WaitlistEntryView>.Ok(EventViews.WaitlistEntry(_state, _state.Waitlist.Find(userId)!));
    }

    async Task<Outcome<WaitlistSummary>> IEventGrain.GetWaitlist(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may read its waiting list.");
        ExpireDue();
        var summary = EventViews.Waitlist(_state);
        await _journal.WhenDurable();
        return Outcome<WaitlistSummary>.Ok(summary);
    }

    /// <summary>
    /// Offers free seats to the waiting list: the first waiting entries whose quantity fits get them
    /// as holds in their name. Called in the same turn as every decision that frees seats (release,
    /// expiry, cancelled booking, a lapsed offer), before any other buyer's decision can run, so seats
    /// that come back reach the queue first. Seats that fit no waiting entry stay on sale.
    /// </summary>
    private void OfferSeatsToWaitlist(bool lazily)
    {
        if (!_state.Waitlist.HasWaiting || _state.Status != EventStatus.OnSale || _state.Available <= 0) return;
        var definition = _state.Definition!;
        var now = TimeProvider.GetUtcNow();
        var duration = TimeSpan.FromSeconds(definition.WaitlistOfferSeconds);
        if (duration > _options.MaxHoldLifetime) duration = _options.MaxHoldLifetime;
        // A buyer whose own holds would take them over the event's limit is passed over this time and keeps their place.
        var plans = _state.Waitlist.OfferFreedSeats(_state.Available, now, duration, e => _state.SeatsHeldBy(e.UserId) + e.Quantity <= definition.MaxSeatsPerHold);
        foreach (var plan in plans)
        {
            int[] seats = [];
            if (!_state.GeneralAdmission)
            {
                if (!_state.Inventory!.TryFindBestAvailable(plan.Quantity, null, null, _bestAvailable))
                {
                    throw new InvalidOperationException($"Event {EventId}: {plan.Quantity} seats planned for waiting list entry {plan.Entry.Number}, but {_state.Available} are free.");
                }

                seats = [.. _bestAvailable];
            }

            var offer = new HoldPlaced(_state.NextHold, plan.Entry.UserId, seats, plan.Quantity, now, plan.ExpiresAt, null, WaitlistEntry: plan.Entry.Number);
            _ = Emit(offer, lazily).ContinueWith(static _ => { }, TaskScheduler.Current);
        }
    }

    private static Failure NotListed() => Failure.NotFound("Not on the waiting list", "You have not joined this event's waiting list.");
}
