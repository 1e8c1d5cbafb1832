using Grains.Abstractions;

namespace Grains.Venues;

/// <summary>
/// One shard of the venue listing. Venues are few and rarely created, so a listing reads every
/// shard: <see cref="Shards"/> shards of ~120 bytes per venue hold about 50,000 venues in all.
/// </summary>
public sealed class VenueDirectoryGrain([PersistentState("venues", GrainStorageNames.Grains)] IPersistentState<VenueDirectoryState> state) : BookingGrain, IVenueDirectoryGrain
{
    public const int Shards = 16;

    public static int ShardOf(string venueId) => (int)(StableHash.ComputeHash(venueId) % Shards);

    async Task IVenueDirectoryGrain.Add(VenueSummary venue)
    {
        if (state.State.Venues.TryGetValue(venue.Id, out var known) && known == venue) return;
        state.State.Venues[venue.Id] = venue;
        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<VenueSummary>> IVenueDirectoryGrain.List(string? ownerId) =>
        Task.FromResult<IReadOnlyList<VenueSummary>>(state.State.Venues.Values.Where(v => ownerId is null || v.OwnerId == ownerId).ToList());
}
