using Runtime.Diagnostics;
using Runtime.Storage;

namespace Runtime.Activation;

/// <summary>
/// One activation of a grain on this silo: its instance, its FIFO queue and its scheduler.
/// Calls run one at a time; a [Reentrant] grain lets the next call start while the previous
/// one awaits, still on the same single-threaded scheduler.
/// </summary>
internal sealed class GrainActivation
{
    private enum Phase { Created, Active, Deactivating, Dead }

    private readonly object _lock = new();
    private readonly Queue<WorkItem> _pending = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _reentrant;
    private Phase _phase = Phase.Created;
    private bool _pumpRunning;
    private int _inFlight;
    private TaskCompletionSource? _drained;
    private Grain? _instance;
    private long _lastUsedTicks;

    public GrainActivation(GrainRuntime runtime, GrainId grainId, GrainClass grainClass)
    {
        Runtime = runtime;
        GrainId = grainId;
        GrainClass = grainClass;
        _reentrant = grainClass.IsReentrant;
        Scheduler = new ActivationScheduler();
        Touch();
    }

    public GrainRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainClass GrainClass { get; }

    public ActivationScheduler Scheduler { get; }

    public Grain Instance => _instance ?? throw new InvalidOperationException($"Activation {GrainId} has no instance.");

    /// <summary>Completes once this activation is gone and a new one may be created.</summary>
    public Task Deactivated => _deactivated.Task;

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    public int QueueLength
    {
        get { lock (_lock) return _pending.Count; }
    }

    public bool IsIdleSince(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            return _phase == Phase.Active && _inFlight == 0 && _pending.Count == 0 && LastUsed <= cutoff;
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsedTicks, Runtime.TimeProvider.GetUtcNow().UtcTicks);

    /// <summary>Queues work; false when this activation is going away (the caller re-dispatches).</summary>
    /// <exception cref="OverloadedException">the queue is full.</exception>
    public bool TryEnqueue(WorkItem item)
    {
        bool startPump;
        lock (_lock)
        {
            if (_phase >= Phase.Deactivating) return false;
            if (item.IsClientCall)
            {
                // Calls of a reentrant grain start at once and then wait (for durability, say):
                // they count against the limit too, or the backlog would only move.
                var queued = _pending.Count + (_reentrant ? _inFlight : 0);
                if (queued >= Runtime.Options.MaxQueueLength)
                {
                    RuntimeMetrics.Overloaded.Add(1);
                    throw new OverloadedException(GrainId, queued, Runtime.Options.MaxQueueLength);
                }

                RuntimeMetrics.QueueLength.Record(queued);
                Touch();
            }

            _pending.Enqueue(item);
            startPump = !_pumpRunning;
            _pumpRunning = true;
        }

        if (startPump) StartOnScheduler(PumpAsync);
        return true;
    }

    private void StartOnScheduler(Func<Task> work) =>
        _ = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler).Unwrap();

    private async Task PumpAsync()
    {
        if (_phase == Phase.Created && !await TryActivateAsync()) return;

        while (true)
        {
            WorkItem? item;
            lock (_lock)
            {
                if (_phase >= Phase.Deactivating || !_pending.TryDequeue(out item))
                {
                    _pumpRunning = false;
                    if (_inFlight == 0) _drained?.TrySetResult();
                    return;
                }

                _inFlight++;
            }

            var run = item.RunAsync(this);
            if (_reentrant && !run.IsCompleted)
            {
                _ = CompleteWhenDoneAsync(run);
            }
            else
            {
                await run;
                ItemDone();
            }
        }
    }

    private async Task CompleteWhenDoneAsync(Task run)
    {
        await run;
        ItemDone();
    }

    private void ItemDone()
    {
        TaskCompletionSource? drained = null;
        lock (_lock)
        {
            _inFlight--;
            if (_inFlight == 0) drained = _drained;
        }

        drained?.TrySetResult();
    }

    private async Task<bool> TryActivateAsync()
    {
        try
        {
            _instance = GrainClass.CreateInstance(Runtime.Services, GrainId, out var states);
            _instance.Attach(this);
            foreach (var state in states)
            {
                if (state is IStateLoader loader) await loader.LoadAsync(Runtime.ShutdownToken);
            }

            await _instance.OnActivateAsync(Runtime.ShutdownToken);
            lock (_lock)
            {
                if (_phase == Phase.Created) _phase = Phase.Active;
            }

            RuntimeMetrics.ActivationsCreated.Add(1);
            RuntimeMetrics.ActiveActivations.Add(1);
            return true;
        }
        catch (Exception e)
        {
            var failure = e is RetriableGrainException ? e : new GrainActivationException(GrainId, e);
            List<WorkItem> failed;
            lock (_lock)
            {
                _phase = Phase.Dead;
                _pumpRunning = false;
                failed = [.. _pending];
                _pending.Clear();
            }

            foreach (var item in failed) item.Fail(failure);
            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
            return false;
        }
    }

    /// <summary>Called when a call failed: a storage conflict means this activation's state is stale.</summary>
    public void OnCallFailed(Exception exception)
    {
        if (exception is InconsistentStateException)
        {
            RuntimeMetrics.StorageConflicts.Add(1);
            RequestDeactivation(DeactivationReason.StorageConflict);
        }
    }

    public void RequestDeactivation(DeactivationReason reason) => _ = DeactivateAsync(reason);

    /// <summary>
    /// Stops taking calls, lets in-flight calls finish, runs OnDeactivateAsync, then hands calls
    /// that never started back to the catalog, which routes them to a fresh activation.
    /// </summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_phase >= Phase.Deactivating) return _deactivated.Task;
            if (_phase == Phase.Created && !_pumpRunning)
            {
                _phase = Phase.Dead;
                Runtime.Catalog.Remove(this);
                _deactivated.TrySetResult();
                return _deactivated.Task;
            }

            _phase = Phase.Deactivating;
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight == 0) _drained.TrySetResult();
        }

        StartOnScheduler(() => FinishDeactivationAsync(reason));
        return _deactivated.Task;
    }

    private async Task FinishDeactivationAsync(DeactivationReason reason)
    {
        List<WorkItem> leftovers;
        try
        {
            // Items already queued behind the current call are not run here: after a conflict the
            // state is stale, and on shutdown they belong to the next owner.
            lock (_lock)
            {
                leftovers = [.. _pending];
                _pending.Clear();
            }

            using var timeout = new CancellationTokenSource(Runtime.Options.DeactivationTimeout, Runtime.TimeProvider);
            await _drained!.Task.WaitAsync(timeout.Token).ConfigureAwait(true);
        }
        catch (OperationCanceledException)
        {
            lock (_lock) leftovers = [.. _pending];
        }

        GrainTimer[] timers;
        lock (_timers) timers = [.. _timers];
        foreach (var timer in timers) timer.Dispose();
        if (_instance is not null && reason != DeactivationReason.StorageConflict)
        {
            try
            {
                await _instance.OnDeactivateAsync(reason, CancellationToken.None);
            }
            catch (Exception)
            {
                // Deactivation must complete; the grain's durable state is whatever it last wrote.
            }
        }

        lock (_lock) _phase = Phase.Dead;
        if (_instance is not null)
        {
            RuntimeMetrics.ActivationsDeactivated.Add(1);
            RuntimeMetrics.ActiveActivations.Add(-1);
        }

        Runtime.Catalog.Remove(this);
        _deactivated.TrySetResult();
        foreach (var item in leftovers) Runtime.Catalog.Redispatch(GrainId, item);
    }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(this, callback, dueTime, period);
        lock (_timers) _timers.Add(timer);
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_timers) _timers.Remove(timer);
    }
}
