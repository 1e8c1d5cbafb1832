using Grains.Abstractions;
using Grains.Events.Journal;
using Grains.Events.Seating;
using Grains.Tickets;

namespace Grains.Events;

public sealed partial class EventGrain
{
    private const int MaxGeneralAdmissionCapacity = 1_000_000;

    async Task<Outcome<EventDetails>> IEventGrain.Create(CreateEvent command)
    {
        if (_state.IsDeleted) return Failure.Conflict("Event deleted", $"Event {EventId} was deleted.");
        if (_state.Exists) return await ReplayCreateAsync(command);
        var definitionProblem = Validate(command.Definition);
        if (definitionProblem is not null) return definitionProblem;

        IReadOnlyList<SectionDefinition>? sections = null;
        var capacity = 0;
        if (command.VenueId is not null)
        {
            var venue = await GrainFactory.GetGrain<IVenueGrain>(command.VenueId).Get();
            if (venue is null) return Failure.Invalid("Unknown venue", $"No venue has id '{command.VenueId}'.");
            sections = venue.Sections;
            capacity = venue.Capacity;
        }
        else if (command.Capacity is not { } gaCapacity || gaCapacity <= 0 || gaCapacity > MaxGeneralAdmissionCapacity)
        {
            return Failure.Invalid("Capacity required", $"Give a venueId for reserved seating, or a capacity between 1 and {MaxGeneralAdmissionCapacity} for general admission.");
        }
        else
        {
            capacity = gaCapacity;
        }

        if (MissingPrices(sections, command.Definition.Prices) is { } unpriced) return unpriced;

        var slugOwner = await GrainFactory.GetGrain<ISlugGrain>(command.Definition.Slug).Claim(EventId);
        if (slugOwner != EventId) return Failure.Conflict("Slug taken", $"Slug '{command.Definition.Slug}' belongs to another event.");

        // Another create may have completed while this one awaited the venue or the slug.
        if (_state.Exists || _state.IsDeleted) return await ReplayCreateAsync(command);
        // The ticket key is journaled with the event itself, so every ticket ever signed uses it.
        await Emit(new EventCreated(command.Definition, command.Caller.UserId, command.VenueId, sections, capacity, command.Draft, TimeProvider.GetUtcNow(), Record(command.Idempotency), TicketKeyPair.Generate()));
        await CatalogueAsync();
        return Outcome<EventDetails>.Ok(EventViews.Details(_state), created: true);
    }

    private async Task<Outcome<EventDetails>> ReplayCreateAsync(CreateEvent command)
    {
        if (_state.IsDeleted) return Failure.Conflict("Event deleted", $"Event {EventId} was deleted.");
        if (command.Idempotency is { } idempotency && _state.Idempotency.TryGetValue(idempotency.Key, out var entry) && entry.Operation == "create")
        {
            if (entry.Fingerprint != idempotency.Fingerprint) return Failure.Unprocessable("Idempotency-Key reused", $"Key '{idempotency.Key}' was used for a different request.");

            // The first attempt may have failed between its journal write and its catalogue push.
            await CatalogueAsync();
            return Outcome<EventDetails>.Ok(EventViews.Details(_state), created: true);
        }

        return Failure.Conflict("Event exists", $"Event {EventId} already exists.");
    }

    async Task<Outcome<EventDetails>> IEventGrain.Update(UpdateEvent command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may change it.");
        if (_state.Status == EventStatus.Cancelled) return NotOnSale();
        var problem = Validate(command.Definition);
        if (problem is not null) return problem;
        if (MissingPrices(_state.Sections, command.Definition.Prices) is { } unpriced) return unpriced;
        if (CapacityProblem(command.Capacity) is { } badCapacity) return badCapacity;

        var oldSlug = _state.Definition!.Slug;
        if (command.Definition.Slug != oldSlug)
        {
            var owner = await GrainFactory.GetGrain<ISlugGrain>(command.Definition.Slug).Claim(EventId);
            if (owner != EventId) return Failure.Conflict("Slug taken", $"Slug '{command.Definition.Slug}' belongs to another event.");
        }

        var startBefore = _state.Definition!.StartAt;
        // The capacity is checked again here: holds may have been placed while the slug was claimed.
        if (CapacityProblem(command.Capacity) is { } takenMeanwhile) return takenMeanwhile;
        var capacity = command.Capacity == _state.Capacity ? null : command.Capacity;
        var durable = Emit(new EventUpdated(command.Definition, TimeProvider.GetUtcNow(), capacity));
        if (capacity > 0) OfferSeatsToWaitlist(lazily: false);
        await durable;
        if (command.Definition.StartAt != startBefore) EnsureBookingReminder(startChanged: true);
        if (command.Definition.Slug != oldSlug) await GrainFactory.GetGrain<ISlugGrain>(oldSlug).Release(EventId);
        await CatalogueAsync();
        return Outcome<EventDetails>.Ok(EventViews.Details(_state));
    }

    async Task<Outcome<EventDetails>> IEventGrain.Publish(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may publish it.");
        if (_state.Status == EventStatus.Cancelled) return NotOnSale();
        if (_state.Status == EventStatus.Draft) await Emit(new EventPublished(TimeProvider.GetUtcNow()));
        await CatalogueAsync();
        return Outcome<EventDetails>.Ok(EventViews.Details(_state));
    }

    async Task<Outcome<EventDetails>> IEventGrain.Cancel(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may cancel it.");
        if (_state.Status != EventStatus.Cancelled) await Emit(new EventCancelled(TimeProvider.GetUtcNow(), Record(command.Idempotency)));
        await CatalogueAsync();
        return Outcome<EventDetails>.Ok(EventViews.Details(_state));
    }

    async Task<EventDetails?> IEventGrain.Get()
    {
        if (!_state.Exists) return null;
        await _journal.WhenDurable();
        return EventViews.Details(_state);
    }

    // Reads answer from memory as of now, once what they show is durable: nobody sees a seat held
    // by a decision that could still be lost.
    async Task<Outcome<Availability>> IEventGrain.GetAvailability()
    {
        if (!_state.Exists) return NotFound();
        ExpireDue();
        var availability = EventViews.Availability(_state);
        await _journal.WhenDurable();
        return Outcome<Availability>.Ok(availability);
    }

    async Task<Outcome<SeatList>> IEventGrain.GetSeats()
    {
        if (!_state.Exists) return NotFound();
        ExpireDue();
        var seats = EventViews.Seats(_state);
        await _journal.WhenDurable();
        return Outcome<SeatList>.Ok(seats);
    }

    async Task<Outcome<EventAnalytics>> IEventGrain.GetAnalytics(EventCommand command)
    {
        if (!_state.Exists) return NotFound();
        if (!IsOrganizer(command.Caller)) return Failure.Forbidden("Only the event's owner or an admin may read its analytics.");
        ExpireDue();
        var analytics = EventViews.Analytics(_state);
        await _journal.WhenDurable();
        return Outcome<EventAnalytics>.Ok(analytics);
    }

    /// <summary>Every seat type needs its own price or a "default" one; general admission needs "default".</summary>
    private static Failure? MissingPrices(IReadOnlyList<SectionDefinition>? sections, IReadOnlyDictionary<string, decimal> prices)
    {
        if (prices.ContainsKey("default")) return null;
        if (sections is null) return Failure.Invalid("Missing prices", "General admission needs a \"default\" price.");
        var unpriced = sections.Select(SeatLayouts.SeatTypeOf).Distinct().Where(t => !prices.ContainsKey(t)).ToList();
        return unpriced.Count == 0 ? null : Failure.Invalid("Missing prices", $"No price for seat types: {string.Join(", ", unpriced)} (or give a \"default\" price).");
    }

    /// <summary>Only general admission has a capacity of its own, and it never drops below the seats held and booked.</summary>
    private Failure? CapacityProblem(int? capacity)
    {
        if (capacity is not { } wanted) return null;
        if (!_state.GeneralAdmission) return Failure.Invalid("Capacity is the venue's", "A reserved-seating event has the seats of its venue; only general admission takes a capacity.");
        if (wanted <= 0 || wanted > MaxGeneralAdmissionCapacity) return Failure.Invalid("Invalid capacity", $"capacity must be between 1 and {MaxGeneralAdmissionCapacity}.");
        var taken = _state.Held + _state.Booked;
        return wanted < taken ? Failure.Conflict("Capacity below seats taken", $"{taken} seats are held or booked; the capacity cannot go below that ({wanted} asked).") : null;
    }

    /// <summary>Invariants the grain guards itself; the API validates the details of the request first.</summary>
    private Failure? Validate(EventDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Slug) || string.IsNullOrWhiteSpace(definition.Title)) return Failure.Invalid("Slug and title required", "An event needs a slug and a title.");
        if (definition.EndAt <= definition.StartAt) return Failure.Invalid("Invalid dates", "endAt must be after startAt.");
        if (definition.HoldTtlSeconds <= 0) return Failure.Invalid("Invalid hold time-to-live", "holdTtlSeconds must be positive.");
        if (definition.MaxSeatsPerHold <= 0) return Failure.Invalid("Invalid hold limit", "maxSeatsPerHold must be positive.");
        if (definition.WaitlistOfferSeconds <= 0 || TimeSpan.FromSeconds(definition.WaitlistOfferSeconds) > _options.MaxHoldLifetime)
        {
            return Failure.Invalid("Invalid waiting list offer time", $"waitlistOfferSeconds must be between 1 and {(int)_options.MaxHoldLifetime.TotalSeconds} (the longest a hold may live).");
        }

        if (definition.Prices.Values.Any(p => p < 0)) return Failure.Invalid("Invalid prices", "Prices cannot be negative.");
        return null;
    }
}
