using Grains.Abstractions;
using Grains.Events.Seating;

namespace Grains.Venues;

/// <summary>A venue's seat map; written once at creation, read by events that use it.</summary>
public sealed class VenueGrain([PersistentState("state", GrainStorageNames.Grains)] IPersistentState<VenueState> state) : BookingGrain, IVenueGrain
{
    async Task<Outcome<Venue>> IVenueGrain.Create(CreateVenue command)
    {
        if (state.State.Venue is { } existing)
        {
            // A retried create (same Idempotency-Key, hence same id) by the same owner gets the venue back.
            if (existing.OwnerId != command.Caller.UserId || existing.Name != command.Name) return Failure.Conflict("Venue exists", $"Venue {GrainKey} already exists.");

            // The first attempt may have failed before the listing had it.
            await ListAsync(existing);
            return Outcome<Venue>.Ok(existing, created: true);
        }

        SeatLayout layout;
        try
        {
            layout = SeatLayouts.FromSections(command.Sections);
        }
        catch (ArgumentException e)
        {
            return Failure.Invalid("Invalid seat map", e.Message);
        }

        state.State.Venue = new Venue
        {
            Id = GrainKey,
            Name = command.Name,
            City = command.City,
            Capacity = layout.SeatCount,
            Sections = command.Sections,
            OwnerId = command.Caller.UserId,
            CreatedAt = TimeProvider.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await ListAsync(state.State.Venue);
        return Outcome<Venue>.Ok(state.State.Venue, created: true);
    }

    private Task ListAsync(Venue venue) =>
        GrainFactory.GetGrain<IVenueDirectoryGrain>(VenueDirectoryGrain.ShardOf(venue.Id)).Add(new VenueSummary
        {
            Id = venue.Id,
            Name = venue.Name,
            City = venue.City,
            Capacity = venue.Capacity,
            OwnerId = venue.OwnerId,
            CreatedAt = venue.CreatedAt,
        });

    Task<Venue?> IVenueGrain.Get() => Task.FromResult(state.State.Venue);
}
