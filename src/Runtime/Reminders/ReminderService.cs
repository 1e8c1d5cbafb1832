using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Diagnostics;

namespace Runtime.Reminders;

/// <summary>
/// Reads due reminders every scan period and delivers those of grains this silo owns, activating
/// them if needed. Delivery is at least once: the row moves to its next due time only after the
/// grain handled the tick, and only if the grain did not reschedule it meanwhile.
/// </summary>
internal sealed class ReminderService(
    IReminderTable table,
    GrainRuntime runtime,
    IGrainOwnership ownership,
    ReminderRegistry registry,
    IOptions<ReminderOptions> options,
    ILogger<ReminderService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(GrainId, string), DateTimeOffset> _inFlight = new();
    private volatile TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        registry.Changed += OnChanged;
        var period = options.Value.ScanPeriod;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reminder scan failed; retrying next period");
            }

            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _wake = wake;
            try
            {
                await Task.WhenAny(wake.Task, Task.Delay(period, runtime.TimeProvider, stoppingToken));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        registry.Changed -= OnChanged;
    }

    // A reminder due before the next scan would otherwise wait up to a whole period.
    private void OnChanged(ReminderEntry entry)
    {
        if (entry.DueAt <= runtime.TimeProvider.GetUtcNow() + options.Value.ScanPeriod) _wake.TrySetResult();
    }

    internal async Task ScanOnceAsync(CancellationToken cancellationToken)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var due = await table.ReadDueAsync(now + options.Value.ScanPeriod, cancellationToken);
        foreach (var entry in due)
        {
            if (!ownership.IsLocal(entry.GrainId)) continue;
            if (!_inFlight.TryAdd((entry.GrainId, entry.Name), entry.DueAt)) continue;
            _ = FireAsync(entry, cancellationToken);
        }
    }

    private async Task FireAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var delay = entry.DueAt - runtime.TimeProvider.GetUtcNow();
            if (delay > TimeSpan.Zero) await Task.Delay(delay, runtime.TimeProvider, cancellationToken);
            var tick = new ReminderTick(entry.Name, entry.DueAt);
            runtime.Catalog.Dispatch(entry.GrainId, tick);
            await tick.Completion;
            RuntimeMetrics.RemindersFired.Add(1);

            var now = runtime.TimeProvider.GetUtcNow();
            var next = entry.Period > TimeSpan.Zero ? NextDue(entry, now) : (DateTimeOffset?)null;
            await table.TryAdvanceAsync(entry, next, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reminder {Name} of {Grain} failed; it stays due and is retried", entry.Name, entry.GrainId);
            try
            {
                await Task.Delay(options.Value.RetryDelay, runtime.TimeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            _inFlight.TryRemove((entry.GrainId, entry.Name), out _);
        }
    }

    private static DateTimeOffset NextDue(ReminderEntry entry, DateTimeOffset now)
    {
        var next = entry.DueAt + entry.Period;
        return next > now ? next : now + entry.Period;
    }
}
