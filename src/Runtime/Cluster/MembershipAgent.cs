using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;

namespace Runtime.Cluster;

/// <summary>
/// A silo's part in membership: joins (Joining, then Active once serving), heartbeats, declares
/// silos with stale heartbeats Dead, stops itself if it reads itself Dead, and on shutdown goes
/// ShuttingDown, lets others notice, hands its grains back (deactivates them) and ends Dead.
/// All agreement is DynamoDB's conditional writes; there is no protocol of our own.
/// </summary>
internal sealed class MembershipAgent(
    IMembershipTable table,
    ClusterMembership membership,
    LocalSilo self,
    GrainRuntime runtime,
    IHostApplicationLifetime lifetime,
    IOptions<ClusterOptions> clusterOptions,
    IOptions<SiloOptions> siloOptions,
    ILogger<MembershipAgent> logger) : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ClusterOptions _options = clusterOptions.Value;
    private Task _loop = Task.CompletedTask;
    private SiloStatus _status = SiloStatus.Joining;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        membership.ViewChanged += OnViewChanged;
        await ChangeStatusAsync(SiloStatus.Joining, null, cancellationToken);
        _loop = RunAsync(_stopping.Token);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Become placeable only once the server listens, or callers would be refused.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken);
        }

        await ChangeStatusAsync(SiloStatus.Active, SiloStatus.Joining, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Membership round failed; retrying");
            }

            await Task.Delay(_options.RefreshPeriod, runtime.TimeProvider, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        if (!await table.HeartbeatAsync(Record(_status, now), cancellationToken))
        {
            logger.LogCritical("Silo {Silo} was declared dead by the cluster; stopping", self.SiloId);
            self.Leaving = true;
            lifetime.StopApplication();
            return;
        }

        var view = await membership.RefreshAsync(cancellationToken);
        foreach (var silo in view.All)
        {
            if (silo.SiloId == self.SiloId || silo.Status == SiloStatus.Dead) continue;
            if (now - silo.HeartbeatAt <= _options.DeadAfter) continue;
            var dead = silo with { Status = SiloStatus.Dead };
            if (await table.TryWriteAsync(dead, silo.Status, view.Version, cancellationToken))
            {
                logger.LogWarning("Declared silo {Silo} dead: last heartbeat {Age} ago", silo.SiloId, now - silo.HeartbeatAt);
                await membership.RefreshAsync(cancellationToken);
            }

            return;
        }
    }

    private void OnViewChanged(ClusterView view)
    {
        // Grains that another silo now owns leave here; their next call activates them there.
        _ = runtime.Catalog.DeactivateWhereAsync(g => view.OwnerOf(g)?.SiloId != self.SiloId, DeactivationReason.OwnershipChanged);
    }

    /// <summary>
    /// Runs before any service stops, the web server included: the silo announces ShuttingDown
    /// while it still answers, so callers that have not re-read membership get "wrong silo"
    /// (and retry on the new owner) instead of a refused connection.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        membership.ViewChanged -= OnViewChanged;
        if (_status is SiloStatus.Dead or SiloStatus.ShuttingDown) return;
        try
        {
            await ChangeStatusAsync(SiloStatus.ShuttingDown, _status, cancellationToken);
            self.Leaving = true;
            await Task.Delay(siloOptions.Value.ShutdownNoticePeriod, runtime.TimeProvider, cancellationToken);
        }
        catch (Exception e)
        {
            self.Leaving = true;
            logger.LogWarning(e, "Silo {Silo} could not announce its leave; the cluster will declare it dead", self.SiloId);
        }
    }

    /// <summary>
    /// Hands the grains back (in-flight turns finish, state is saved) while still heartbeating,
    /// so a slow hand-over is not mistaken for a crash, then leaves for good.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_status == SiloStatus.ShuttingDown) await runtime.Catalog.StopAsync(DeactivationReason.ShuttingDown);
            await _stopping.CancelAsync();
            await _loop.ContinueWith(static _ => { }, TaskScheduler.Default);
            if (_status == SiloStatus.ShuttingDown) await ChangeStatusAsync(SiloStatus.Dead, SiloStatus.ShuttingDown, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Graceful leave of {Silo} was cut short; the cluster will declare it dead", self.SiloId);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ChangeStatusAsync(SiloStatus status, SiloStatus? from, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var snapshot = await table.ReadAsync(cancellationToken);
            var current = snapshot.Silos.FirstOrDefault(s => s.SiloId == self.SiloId);
            if (current?.Status == SiloStatus.Dead && status != SiloStatus.Dead)
            {
                throw new InvalidOperationException($"Silo {self.SiloId} was declared dead; it cannot become {status}.");
            }

            var expected = current is null ? (SiloStatus?)null : current.Status;
            if (await table.TryWriteAsync(Record(status, runtime.TimeProvider.GetUtcNow()), expected, snapshot.Version, cancellationToken))
            {
                _status = status;
                logger.LogInformation("Silo {Silo} is {Status}", self.SiloId, status);
                await membership.RefreshAsync(cancellationToken);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)), cancellationToken);
        }

        throw new InvalidOperationException($"Silo {self.SiloId} could not change its membership status to {status} (from {from}).");
    }

    private SiloRecord Record(SiloStatus status, DateTimeOffset now) => new()
    {
        SiloId = self.SiloId,
        Address = self.Address,
        Generation = self.Generation,
        Status = status,
        HeartbeatAt = now,
        StartedAt = self.StartedAt,
        Activations = runtime.Catalog.Count,
    };
}
