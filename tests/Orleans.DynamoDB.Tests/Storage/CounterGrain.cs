using Orleans;
using Orleans.Runtime;

namespace OrleansDynamoDb.Tests.Storage;

/// <summary>Keeps its state in the "dynamo" provider; tells which activation answered, to prove a reload.</summary>
public sealed class CounterGrain([PersistentState("s", SiloUnderTest.StorageName)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public async Task SetAsync(int value, string note)
    {
        state.State.Value = value;
        state.State.Note = note;
        await state.WriteStateAsync();
    }

    public Task<(int Value, string? Note, bool RecordExists, Guid Activation)> GetAsync() =>
        Task.FromResult((state.State.Value, state.State.Note, state.RecordExists, _activation));

    public Task DeactivateAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
