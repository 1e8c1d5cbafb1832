namespace Runtime.Activation;

/// <summary>
/// An in-memory grain timer. Each tick is queued as a turn of the activation; a tick is skipped
/// while the previous one is still queued or running, so slow callbacks never pile up.
/// </summary>
internal sealed class GrainTimer : IDisposable
{
    private readonly GrainActivation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private int _tickPending;

    public GrainTimer(GrainActivation activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _timer = activation.Runtime.TimeProvider.CreateTimer(_ => OnTick(), null, dueTime, period <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period);
    }

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested) return;
        if (Interlocked.Exchange(ref _tickPending, 1) == 1) return;
        if (!_activation.TryEnqueue(new TickItem(this))) Dispose();
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private sealed class TickItem(GrainTimer timer) : WorkItem
    {
        public override bool IsClientCall => false;

        public override async Task RunAsync(GrainActivation activation)
        {
            try
            {
                if (!timer._disposed.IsCancellationRequested) await timer._callback(timer._disposed.Token);
            }
            catch (Exception e)
            {
                activation.OnCallFailed(e);
            }
            finally
            {
                Volatile.Write(ref timer._tickPending, 0);
            }
        }

        public override void Fail(Exception exception) => Volatile.Write(ref timer._tickPending, 0);
    }
}
