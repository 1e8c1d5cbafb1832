using Grains.Abstractions;
using Grains.Events.Journal;

namespace Grains.Events;

public sealed partial class EventGrain
{
    private const int MaxSeatsPerRequest = 100;

    async Task<Outcome<HoldView>> IEventGrain.PlaceHold(PlaceHold command)
    {
        if (!_state.Exists) return NotFound();
        if (TryReplay(command.Idempotency, "hold", out var replayed, out var mismatch))
        {
            if (mismatch is not null) return mismatch;
            await _journal.WhenDurable();
            return _state.Holds.TryGetValue(replayed.Number, out var earlier)
                ? Outcome<HoldView>.Ok(EventViews.Hold(_state, earlier), created: true)
                : Failure.Gone("Hold no longer available", $"The hold created with key '{command.Idempotency!.Key}' ended long ago.");
        }

        ExpireDue();
        if (command.RequestId is not null && _state.TryGetHoldOfRequest(command.RequestId, out var placed))
        {
            await _journal.WhenDurable();
            return Outcome<HoldView>.Ok(EventViews.Hold(_state, placed), created: true);
        }

        if (_state.Status != EventStatus.OnSale) return NotOnSale();
        var definition = _state.Definition!;
        var ttl = TimeSpan.FromSeconds(command.TtlSeconds ?? definition.HoldTtlSeconds);
        if (ttl <= TimeSpan.Zero || ttl > _options.MaxHoldLifetime)
        {
            return Failure.Invalid("Invalid hold time-to-live", $"ttlSeconds must be between 1 and {(int)_options.MaxHoldLifetime.TotalSeconds}.");
        }

        var chosen = ChooseSeats(command, out var failure);
        if (failure is not null) return failure;
        var quantity = _state.GeneralAdmission ? command.Quantity!.Value : chosen.Length;
        var alreadyHeld = _state.SeatsHeldBy(command.Caller.UserId);
        if (alreadyHeld + quantity > definition.MaxSeatsPerHold)
        {
            return Failure.Conflict("Hold limit reached", $"A buyer may hold at most {definition.MaxSeatsPerHold} seats of this event at a time; {alreadyHeld} are held already and {quantity} were requested.");
        }

        var now = TimeProvider.GetUtcNow();
        var number = _state.NextHold;
        await Emit(new HoldPlaced(number, command.Caller.UserId, chosen, quantity, now, now + ttl, Record(command.Idempotency), command.RequestId));
        return Outcome<HoldView>.Ok(EventViews.Hold(_state, _state.Holds[number]), created: true);
    }

    /// <summary>Explicit seats, best-available seats, or (general admission) nothing but a count.</summary>
    private int[] ChooseSeats(PlaceHold command, out Failure? failure)
    {
        failure = null;
        var explicitSeats = command.Seats is { Count: > 0 } ? command.Seats : null;
        if (explicitSeats is null && command.Quantity is null or <= 0)
        {
            failure = Failure.Invalid("Nothing to hold", "Give seats, or a positive quantity.");
            return [];
        }

        if ((explicitSeats?.Count ?? command.Quantity!.Value) > MaxSeatsPerRequest)
        {
            failure = Failure.Invalid("Too many seats", $"At most {MaxSeatsPerRequest} seats can be requested at once.");
            return [];
        }

        if (_state.GeneralAdmission)
        {
            if (explicitSeats is not null || command.Section is not null || command.SeatType is not null)
            {
                failure = Failure.Invalid("Seats are not assigned", "This is a general-admission event: hold a quantity.");
            }
            else if (command.Quantity!.Value > _state.Available)
            {
                failure = Failure.Conflict("Not enough seats", $"{command.Quantity} requested, {_state.Available} available.") with { UnavailableSeats = [] };
            }

            return [];
        }

        return explicitSeats is null ? BestAvailable(command, out failure) : ExplicitSeats(explicitSeats, command.Quantity, out failure);
    }

    private int[] ExplicitSeats(IReadOnlyList<string> ids, int? quantity, out Failure? failure)
    {
        failure = null;
        if (quantity is { } q && q != ids.Count)
        {
            failure = Failure.Invalid("Quantity does not match seats", $"quantity is {q} but {ids.Count} seats were given.");
            return [];
        }

        var inventory = _state.Inventory!;
        var seats = new int[ids.Count];
        List<string>? unknown = null;
        for (var i = 0; i < ids.Count; i++)
        {
            if (!inventory.Layout.TryParseSeatId(ids[i], out seats[i])) (unknown ??= []).Add(ids[i]);
        }

        if (unknown is not null)
        {
            failure = Failure.Invalid("Unknown seats", $"No such seats in this event: {string.Join(", ", unknown)}.") with { UnavailableSeats = unknown };
            return [];
        }

        if (seats.Distinct().Count() != seats.Length)
        {
            failure = Failure.Invalid("Duplicate seats", "Each seat may appear once.");
            return [];
        }

        if (!inventory.AreAllFree(seats))
        {
            var taken = seats.Where(s => inventory.StateOf(s) != Seating.SeatState.Free).Select(inventory.Layout.SeatId).ToList();
            failure = Failure.Conflict("Seats unavailable", $"Already held or booked: {string.Join(", ", taken)}.") with { UnavailableSeats = taken };
            return [];
        }

        return seats;
    }

    private int[] BestAvailable(PlaceHold command, out Failure? failure)
    {
        failure = null;
        var inventory = _state.Inventory!;
        int? section = null;
        if (command.Section is not null)
        {
            section = inventory.Layout.FindSection(command.Section);
            if (section is null)
            {
                failure = Failure.Invalid("Unknown section", $"This event has no section '{command.Section}'.");
                return [];
            }
        }

        if (command.SeatType is not null && !inventory.Layout.HasSeatType(command.SeatType))
        {
            failure = Failure.Invalid("Unknown seat type", $"This event has no seat type '{command.SeatType}'.");
            return [];
        }

        if (!inventory.TryFindBestAvailable(command.Quantity!.Value, section, command.SeatType, _bestAvailable))
        {
            failure = Failure.Conflict("Not enough seats", $"{command.Quantity} seats together are not available{(section is null && command.SeatType is null ? "" : " with that filter")}.") with { UnavailableSeats = [] };
            return [];
        }

        return [.. _bestAvailable];
    }

    async Task<Outcome<HoldView>> IEventGrain.GetHold(HoldCommand command)
    {
        var hold = FindHold(command, out var failure);
        if (hold is null) return failure!;
        ExpireDue();
        await _journal.WhenDurable();
        return Outcome<HoldView>.Ok(EventViews.Hold(_state, hold));
    }

    async Task<Outcome<HoldView>> IEventGrain.ExtendHold(HoldCommand command)
    {
        var hold = FindHold(command, out var failure);
        if (hold is null) return failure!;
        if (TryReplay(command.Idempotency, "extend", out _, out var mismatch))
        {
            if (mismatch is not null) return mismatch;
            await _journal.WhenDurable();
            return Outcome<HoldView>.Ok(EventViews.Hold(_state, hold), created: true);
        }

        ExpireDue();
        if (hold.Status != HoldStatus.Active) return HoldEnded(hold);
        var ttl = TimeSpan.FromSeconds(command.TtlSeconds ?? _state.Definition!.HoldTtlSeconds);
        if (ttl <= TimeSpan.Zero || ttl > _options.MaxHoldLifetime)
        {
            return Failure.Invalid("Invalid hold time-to-live", $"ttlSeconds must be between 1 and {(int)_options.MaxHoldLifetime.TotalSeconds}.");
        }

        var cap = hold.CreatedAt + _options.MaxHoldLifetime;
        var wanted = TimeProvider.GetUtcNow() + ttl;
        var expiresAt = wanted > cap ? cap : wanted;
        if (expiresAt > hold.ExpiresAt) await Emit(new HoldExtended(hold.Number, expiresAt, Record(command.Idempotency)));
        else await _journal.WhenDurable();
        return Outcome<HoldView>.Ok(EventViews.Hold(_state, hold), created: true);
    }

    async Task<Outcome<HoldView>> IEventGrain.ReleaseHold(HoldCommand command)
    {
        if (TryReplay(command.Idempotency, "release", out var released, out var mismatch))
        {
            if (mismatch is not null) return mismatch;
            if (ReleasedAndForgotten(command, released) is { } view)
            {
                await _journal.WhenDurable();
                return Outcome<HoldView>.Ok(view);
            }
        }

        var hold = FindHold(command, out var failure);
        if (hold is null) return failure!;
        ExpireDue();
        switch (hold.Status)
        {
            case HoldStatus.Active:
                // The time is journaled only where a waiting list entry records when its offer ended.
                var releasedAt = _state.Waitlist.HasOffers ? TimeProvider.GetUtcNow() : (DateTimeOffset?)null;
                var durable = Emit(new HoldReleased(hold.Number, Record(command.Idempotency), releasedAt));
                OfferSeatsToWaitlist(lazily: false);
                await durable;
                return Outcome<HoldView>.Ok(EventViews.Hold(_state, hold), created: true);
            case HoldStatus.Confirmed:
                return Failure.Conflict("Hold already confirmed", $"Hold {command.HoldId} became booking {BookingIds.Format(EventId, hold.Booking)}; cancel the booking instead.");
            default:
                // Releasing twice, or after expiry, leaves the same outcome: the seats are free.
                await _journal.WhenDurable();
                return Outcome<HoldView>.Ok(EventViews.Hold(_state, hold));
        }
    }

    /// <summary>
    /// A retried release whose hold was already forgotten (ended holds are kept only for a while):
    /// the key proves this caller released it, so the retry gets the first answer, not "Hold ended".
    /// </summary>
    private HoldView? ReleasedAndForgotten(HoldCommand command, IdempotencyEntry released)
    {
        if (!_state.Exists || !BookingIds.TryParseHold(command.HoldId, out var number)
            || number != released.Number || _state.Holds.ContainsKey(number)) return null;

        return new HoldView
        {
            HoldId = BookingIds.FormatHold(number),
            EventId = EventId,
            UserId = command.Caller.UserId,
            Seats = [],
            Quantity = 0,
            CreatedAt = released.At,
            ExpiresAt = released.At,
            Status = "released",
        };
    }

    private HoldRecord? FindHold(HoldCommand command, out Failure? failure) => FindHold(command.HoldId, command.Caller, out failure);

    private HoldRecord? FindHold(string holdId, Caller caller, out Failure? failure)
    {
        failure = null;
        if (!_state.Exists)
        {
            failure = NotFound();
            return null;
        }

        if (!BookingIds.TryParseHold(holdId, out var number) || !_state.Holds.TryGetValue(number, out var hold))
        {
            // Hold numbers are given out in order, so a smaller one than the next is a hold that ended and was forgotten.
            failure = number >= 1 && number < _state.NextHold
                ? Failure.Gone("Hold ended", $"Hold {holdId} of event {EventId} ended and is no longer kept.")
                : Failure.NotFound("Hold not found", $"Event {EventId} has no hold '{holdId}'.");
            return null;
        }

        if (hold.UserId != caller.UserId && !caller.IsAdmin)
        {
            failure = Failure.Forbidden($"Hold {holdId} belongs to another buyer.");
            return null;
        }

        return hold;
    }

    private static Failure HoldEnded(HoldRecord hold) => hold.Status switch
    {
        HoldStatus.Expired => Failure.Gone("Hold expired", $"Hold {BookingIds.FormatHold(hold.Number)} expired at {hold.ExpiresAt:O}; its seats were released."),
        HoldStatus.Released => Failure.Gone("Hold released", $"Hold {BookingIds.FormatHold(hold.Number)} was released."),
        _ => Failure.Conflict("Hold already confirmed", $"Hold {BookingIds.FormatHold(hold.Number)} is already confirmed."),
    };

    private Failure NotOnSale() => _state.Status == EventStatus.Cancelled
        ? Failure.Conflict("Event cancelled", $"Event {EventId} was cancelled.")
        : Failure.Conflict("Event not on sale", $"Event {EventId} is a draft; publish it first.");

    /// <summary>True when this Idempotency-Key was used before; <paramref name="mismatch"/> is set when its request differed.</summary>
    private bool TryReplay(Idempotency? idempotency, string operation, out IdempotencyEntry entry, out Failure? mismatch)
    {
        mismatch = null;
        entry = null!;
        if (idempotency is null || !_state.Idempotency.TryGetValue(idempotency.Key, out var found)) return false;
        entry = found;
        if (found.Fingerprint != idempotency.Fingerprint || found.Operation != operation)
        {
            mismatch = Failure.Unprocessable("Idempotency-Key reused", $"Key '{idempotency.Key}' was used for a different request.");
        }

        return true;
    }

    private IdempotencyRecord? Record(Idempotency? idempotency) =>
        idempotency is null ? null : new IdempotencyRecord(idempotency.Key, idempotency.Fingerprint, TimeProvider.GetUtcNow());
}
