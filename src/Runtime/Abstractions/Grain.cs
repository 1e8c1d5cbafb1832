using Runtime.Activation;

namespace Runtime;

/// <summary>
/// Base class of grain implementations (Orleans: Grain). The runtime creates instances through
/// dependency injection, then attaches them to their activation before <see cref="OnActivateAsync"/>.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    internal GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException($"{GetType().Name} is not attached to an activation yet; use OnActivateAsync, not the constructor.");

    internal void Attach(GrainActivation activation) => _activation = activation;

    protected GrainId GrainId => Activation.GrainId;

    protected string GrainKey => Activation.GrainId.Key;

    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    protected TimeProvider TimeProvider => Activation.Runtime.TimeProvider;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An in-memory timer whose ticks run as turns of this activation (never concurrently with a
    /// call of a non-reentrant grain). It dies with the activation; use a reminder for durability.
    /// </summary>
    protected IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, dueTime, period);

    /// <summary>A durable reminder: fires even when this grain is inactive or its silo restarted.</summary>
    protected Task RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan period) =>
        Activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, name, TimeProvider.GetUtcNow() + dueTime, period);

    protected Task UnregisterReminder(string name) => Activation.Runtime.Reminders.UnregisterAsync(GrainId, name);

    /// <summary>Asks the runtime to deactivate this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.Requested);
}
