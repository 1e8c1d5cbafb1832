using Microsoft.Extensions.Options;
using Runtime.Hosting;
using Runtime.Reminders;

namespace Runtime.Activation;

/// <summary>What activations share on a silo: options, time, services, the catalog and reminders.</summary>
internal sealed class GrainRuntime
{
    private readonly CancellationTokenSource _shutdown = new();

    public GrainRuntime(
        IOptions<GrainRuntimeOptions> options,
        TimeProvider timeProvider,
        IServiceProvider services,
        IGrainFactory grainFactory,
        GrainTypeRegistry registry,
        ReminderRegistry reminders)
    {
        Options = options.Value;
        TimeProvider = timeProvider;
        Services = services;
        GrainFactory = grainFactory;
        Reminders = reminders;
        Catalog = new Catalog(this, registry);
    }

    public GrainRuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public IServiceProvider Services { get; }

    public IGrainFactory GrainFactory { get; }

    public ReminderRegistry Reminders { get; }

    public Catalog Catalog { get; }

    public CancellationToken ShutdownToken => _shutdown.Token;

    public void SignalShutdown() => _shutdown.Cancel();
}
