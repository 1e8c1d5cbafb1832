using Grains.Abstractions;

namespace Grains.Slugs;

/// <summary>First claim wins; the conditional write makes the claim safe across silos.</summary>
public sealed class SlugGrain([PersistentState("state", GrainStorageNames.Grains)] IPersistentState<SlugState> state) : BookingGrain, ISlugGrain
{
    async Task<string> ISlugGrain.Claim(string eventId)
    {
        if (state.State.EventId is { } owner) return owner;
        state.State.EventId = eventId;
        await state.WriteStateAsync();
        return eventId;
    }

    async Task ISlugGrain.Release(string eventId)
    {
        if (state.State.EventId != eventId) return;
        state.State.EventId = null;
        await state.WriteStateAsync();
    }

    Task<string?> ISlugGrain.Resolve() => Task.FromResult(state.State.EventId);
}
