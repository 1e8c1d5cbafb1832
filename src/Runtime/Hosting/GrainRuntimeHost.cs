using Microsoft.Extensions.Hosting;
using Runtime.Activation;

namespace Runtime.Hosting;

/// <summary>Starts idle collection; on shutdown stops new activations and deactivates the existing ones.</summary>
internal sealed class GrainRuntimeHost(GrainRuntime runtime) : IHostedService, IAsyncDisposable
{
    private ITimer? _collector;

    public bool Started { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = runtime.Options.CollectionPeriod;
        _collector = runtime.TimeProvider.CreateTimer(_ => runtime.Catalog.CollectIdle(runtime.TimeProvider.GetUtcNow()), null, period, period);
        Started = true;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Started = false;
        if (_collector is not null) await _collector.DisposeAsync();
        await runtime.Catalog.StopAsync(DeactivationReason.ShuttingDown).WaitAsync(cancellationToken);
        runtime.SignalShutdown();
    }

    public async ValueTask DisposeAsync()
    {
        if (_collector is not null) await _collector.DisposeAsync();
    }
}
