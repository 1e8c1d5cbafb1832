using Grains.Abstractions;
using Microsoft.Extensions.Logging;

namespace Grains.Catalogue;

/// <summary>
/// One shard of the durable catalogue (key = shard number). Entries newer than the stored ones are
/// applied in memory and made durable by a group commit: while one write is in flight, later
/// entries wait for the next, so a storm of pushes costs one write per round trip. Readers see
/// only durable changes (a view updated when a write succeeds), so a crash can never show them an
/// entry that is then lost, and an entry being rewritten stays visible as it was.
/// </summary>
[Reentrant]
public sealed class CatalogueShardGrain(
    [PersistentState("catalogue", GrainStorageNames.Grains)] IPersistentState<CatalogueShardState> state,
    ILogger<CatalogueShardGrain> logger) : BookingGrain, ICatalogueShardGrain
{
    private readonly Dictionary<string, (CatalogueEntry Entry, long Change)> _durable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unwritten = new(StringComparer.Ordinal);
    private long _durableVersion;
    private TaskCompletionSource? _next;
    private Task _lastWrite = Task.CompletedTask;
    private bool _writing;
    private bool _broken;

    private CatalogueShardState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _durableVersion = S.Version;
        foreach (var (id, entry) in S.Entries) _durable[id] = (entry, S.ChangedAt[id]);
        return Task.CompletedTask;
    }

    Task ICatalogueShardGrain.Upsert(CatalogueEntry entry)
    {
        if (_broken) throw new RetriableGrainException($"Catalogue shard {this.GetPrimaryKeyLong()} is restarting after a failed write.");
        if (!IsNewer(entry)) return WhenDurable();
        S.Version++;
        S.Entries[entry.EventId] = entry;
        S.ChangedAt[entry.EventId] = S.Version;
        _unwritten.Add(entry.EventId);
        return Commit();
    }

    Task<CatalogueChanges> ICatalogueShardGrain.GetChanges(long sinceVersion, int max)
    {
        if (sinceVersion > _durableVersion)
        {
            return Task.FromResult(new CatalogueChanges { Entries = [], Version = 0, More = true, Reset = true });
        }

        var changed = _durable.Values.Where(c => c.Change > sinceVersion).OrderBy(c => c.Change).Take(max + 1).ToList();
        var more = changed.Count > max;
        if (more) changed.RemoveAt(changed.Count - 1);
        return Task.FromResult(new CatalogueChanges
        {
            Entries = changed.Select(c => c.Entry).ToList(),
            Version = more ? changed[^1].Change : _durableVersion,
            More = more,
        });
    }

    /// <summary>
    /// A higher journal version wins. At the same version only the seats can differ (holds that
    /// expired in memory before their expiry was journaled), and the later push knows more.
    /// </summary>
    private bool IsNewer(CatalogueEntry entry)
    {
        if (!S.Entries.TryGetValue(entry.EventId, out var stored)) return true;
        if (entry.Version != stored.Version) return entry.Version > stored.Version;
        return entry.Deleted != stored.Deleted || entry.Analytics?.Available != stored.Analytics?.Available;
    }

    /// <summary>Completes when every change applied so far is durable.</summary>
    private Task WhenDurable() => _next?.Task ?? _lastWrite;

    private Task Commit()
    {
        var next = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The loop takes the batch synchronously when no write is in flight.
        if (!_writing) _ = WriteLoopAsync();
        return next.Task;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                var upTo = S.Version;
                var written = _unwritten.Select(id => (Id: id, Entry: S.Entries[id], Change: S.ChangedAt[id])).ToList();
                _unwritten.Clear();
                _lastWrite = batch.Task;
                try
                {
                    await state.WriteStateAsync();
                }
                catch (Exception e)
                {
                    // Memory is now ahead of storage: this activation goes, the next one reads what is durable.
                    _broken = true;
                    logger.LogWarning(e, "Catalogue shard {Shard}: write of version {Version} failed; deactivating", this.GetPrimaryKeyLong(), upTo);
                    var failure = new RetriableGrainException($"Catalogue shard {this.GetPrimaryKeyLong()}: write of version {upTo} failed: {e.Message}");
                    batch.SetException(failure);
                    _next?.SetException(failure);
                    _next = null;
                    DeactivateOnIdle();
                    return;
                }

                foreach (var (id, entry, change) in written) _durable[id] = (entry, change);
                _durableVersion = upTo;
                batch.SetResult();
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
