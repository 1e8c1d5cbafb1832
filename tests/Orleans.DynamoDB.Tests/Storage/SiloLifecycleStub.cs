using Orleans;
using Orleans.Runtime;

namespace OrleansDynamoDb.Tests.Storage;

/// <summary>Runs the start of whatever subscribed, stage by stage, as a silo does; enough to start a provider outside a silo.</summary>
public sealed class SiloLifecycleStub : ISiloLifecycle
{
    private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

    public int HighestCompletedStage { get; private set; }

    public int LowestStoppedStage { get; private set; }

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add((stage, observer));
        return new Unsubscriber();
    }

    public async Task StartAsync()
    {
        foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
        {
            await observer.OnStart(CancellationToken.None);
            HighestCompletedStage = stage;
        }
    }

    private sealed class Unsubscriber : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
