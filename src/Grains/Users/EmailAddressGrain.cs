using Grains.Abstractions;

namespace Grains.Users;

/// <summary>One email address (key = normalized address) and the user who owns it: first claim wins.</summary>
public sealed class EmailAddressGrain([PersistentState("state", GrainStorageNames.Grains)] IPersistentState<EmailAddressState> state) : BookingGrain, IEmailAddressGrain
{
    async Task<string> IEmailAddressGrain.Claim(string userId)
    {
        if (state.State.Owner is { } owner) return owner;
        state.State.Owner = userId;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Owner = null;
            throw;
        }

        return userId;
    }

    async Task IEmailAddressGrain.Release(string userId)
    {
        if (state.State.Owner != userId) return;
        state.State.Owner = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Owner = userId;
            throw;
        }
    }

    Task<string?> IEmailAddressGrain.Owner() => Task.FromResult(state.State.Owner);
}
