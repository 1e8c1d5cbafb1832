using Grains.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Catalogue;

/// <summary>
/// This silo's copy of the catalogue: a <see cref="CatalogueIndex"/> loaded from every catalogue
/// shard on first use, then kept current by pulling each shard's changes since the version it last
/// read, every <see cref="CatalogueOptions.PollPeriod"/>. The shards are durable, so a silo that
/// dies loses nothing: whichever silo serves searches next builds its own copy the same way.
/// </summary>
public sealed class CatalogueReplica(IGrainFactory grains, IOptions<CatalogueOptions> options, ILogger<CatalogueReplica> logger) : IHostedService, IDisposable
{
    private readonly CatalogueOptions _options = options.Value;
    private readonly long[] _versions = new long[options.Value.ShardCount];
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _pulling = new(1, 1);
    private readonly Lock _gate = new();
    private Task? _loaded;
    private bool _disposed;

    public CatalogueIndex Index { get; } = new();

    /// <summary>Completes when the whole catalogue has been read once; starts following it on first call.</summary>
    public Task WhenLoaded()
    {
        lock (_gate)
        {
            // Off the calling grain's scheduler: the copy outlives any one activation.
            if (_loaded is null || _loaded.IsFaulted || _loaded.IsCanceled) _loaded = Task.Run(LoadAsync);
            return _loaded;
        }
    }

    /// <summary>Reads what changed in every shard since the last pull and makes it searchable.</summary>
    public async Task PullAsync(CancellationToken cancellationToken)
    {
        await _pulling.WaitAsync(cancellationToken);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, _versions.Length), parallel, async (shard, _) => await PullShardAsync(shard));
            Index.Refresh();
        }
        finally
        {
            _pulling.Release();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            await PullAsync(_stopping.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RetriableGrainException($"The catalogue could not be loaded yet: {e.Message}", e);
        }

        _ = FollowAsync();
    }

    private async Task FollowAsync()
    {
        using var timer = new PeriodicTimer(_options.PollPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await PullAsync(_stopping.Token);
                }
                catch (Exception e) when (!_stopping.IsCancellationRequested)
                {
                    // A shard moving between silos or a storage hiccup: the next pull continues from the same versions.
                    logger.LogInformation("Catalogue pull failed ({Reason}); retrying", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PullShardAsync(int shard)
    {
        var grain = grains.GetGrain<ICatalogueShardGrain>(shard);
        while (true)
        {
            var changes = await grain.GetChanges(_versions[shard], _options.PullBatchSize);
            if (changes.Reset)
            {
                // The shard's store is behind what this copy read (it was replaced): start this shard over.
                Index.Remove(Index.Entries.Where(e => CatalogueShards.Of(e.EventId, _versions.Length) == shard).Select(e => e.EventId).ToList());
                _versions[shard] = 0;
                continue;
            }

            Index.Apply(changes.Entries);
            _versions[shard] = changes.Version;
            if (!changes.More) return;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    public void Dispose()
    {
        // Registered as itself and as a hosted service: the container disposes it twice.
        if (_disposed) return;
        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
        Index.Dispose();
    }
}
