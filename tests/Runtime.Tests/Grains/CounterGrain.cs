using Runtime;

namespace Runtime.Tests.Grains;

public sealed class CounterGrain(IPersistentState<CounterState> state) : Grain, ICounterGrain, IRemindable
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    async Task<int> ICounterGrain.Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    Task<int> ICounterGrain.Get() => Task.FromResult(state.State.Value);

    Task<string> ICounterGrain.ActivationId() => Task.FromResult(_activationId);

    Task ICounterGrain.RemindMeIn(TimeSpan dueTime) => RegisterOrUpdateReminder("ping", dueTime, TimeSpan.Zero);

    async Task IRemindable.ReceiveReminder(string reminderName, DateTimeOffset dueAt)
    {
        state.State.RemindersReceived++;
        await state.WriteStateAsync();
    }
}
