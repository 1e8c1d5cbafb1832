using System.Collections.Concurrent;
using Runtime;

namespace Runtime.Tests.Grains;

public sealed class TurnGrain : Grain, ITurnGrain
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();
    private readonly string _activationId = Guid.NewGuid().ToString("N");
    private bool _inside;
    private int _calls;

    async Task<int> ITurnGrain.Enter()
    {
        if (_inside) throw new InvalidOperationException("Two calls interleaved in a non-reentrant grain.");
        _inside = true;
        await Task.Yield();
        await Task.Delay(1);
        _inside = false;
        return ++_calls;
    }

    Task ITurnGrain.Block(string gate) => Gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    Task<string> ITurnGrain.ActivationId() => Task.FromResult(_activationId);
}
