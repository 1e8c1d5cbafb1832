using System.Text.Json;
using Grains.Abstractions;
using Orleans.Storage;
using OrleansDynamoDb.Journal;

namespace Grains.Events.Journal;

/// <summary>
/// Group commit for one event grain. Changes decided while a write is in flight wait in the next
/// batch; each batch becomes one journal entry (or a few, if large) appended with the next
/// sequence number, which fences out any other activation. Every appender's task completes
/// only once its change is durable. Runs on the grain's single-threaded scheduler: no locks.
/// </summary>
internal sealed class EventJournal(
    GrainId grainId,
    IJournalStorage storage,
    int snapshotEveryEntries,
    Func<EventSnapshot> snapshot,
    Action<Exception> onWriteFailed)
{
    private List<EventChange> _pending = [];
    private TaskCompletionSource _pendingDurable = NewCompletion();
    private Task _inFlightDurable = Task.CompletedTask;
    private bool _writing;
    private int _deferrals;
    private Exception? _failure;
    private int _entriesSinceSnapshot;
    private long _bytesSinceSnapshot;
    private long _lastSnapshotBytes;

    public long DurableSequence { get; private set; }

    /// <summary>Whether a write is in flight: decisions are waiting on the store.</summary>
    public bool IsWriting => _writing;

    /// <summary>Group commits so far, the changes they carried and the time spent writing them.</summary>
    public JournalTotals Totals => new(_batches, _changes, _writeMilliseconds, _journalBytes, _snapshots, _snapshotBytes);

    private long _batches;
    private long _changes;
    private double _writeMilliseconds;
    private long _journalBytes;
    private long _snapshots;
    private long _snapshotBytes;

    /// <summary>Loads the newest snapshot and replays the entries after it.</summary>
    public async Task<EventState> RecoverAsync(string eventId, CancellationToken cancellationToken)
    {
        var stored = await storage.ReadSnapshotAsync(grainId, cancellationToken);
        var state = stored is null
            ? new EventState(eventId)
            : EventState.FromSnapshot(eventId, JsonSerializer.Deserialize(JournalCodec.Json(stored.Data).Span, EventJournalJsonContext.Default.EventSnapshot)!);
        DurableSequence = stored?.Sequence ?? 0;
        _lastSnapshotBytes = stored?.Data.Length ?? 0;
        await foreach (var entry in storage.ReadEntriesAsync(grainId, DurableSequence, cancellationToken))
        {
            if (entry.Sequence != DurableSequence + 1)
            {
                throw new InvalidDataException($"Journal of {grainId} jumps from {DurableSequence} to {entry.Sequence}.");
            }

            foreach (var change in Decode(entry.Payload)) state.Apply(change);
            DurableSequence = entry.Sequence;
            _entriesSinceSnapshot++;
            _bytesSinceSnapshot += entry.Payload.Length;
        }

        return state;
    }

    /// <summary>Queues an applied change for the next write; the task completes when it is durable.</summary>
    public Task Append(EventChange change)
    {
        if (_failure is not null) return Task.FromException(_failure);
        _pending.Add(change);
        var durable = _pendingDurable.Task;
        if (!_writing && _deferrals == 0) _ = WriteLoopAsync();
        return durable;
    }

    /// <summary>
    /// Queues a change nobody waits for (an expiry, a delivery mark): it rides along with the
    /// next write instead of costing a write of its own; <see cref="FlushLazyChanges"/> sends it
    /// if no other write comes.
    /// </summary>
    public Task AppendLazily(EventChange change)
    {
        if (_failure is not null) return Task.FromException(_failure);
        _pending.Add(change);
        return _pendingDurable.Task;
    }

    public void FlushLazyChanges()
    {
        if (_failure is null && !_writing && _deferrals == 0 && _pending.Count > 0) _ = WriteLoopAsync();
    }

    /// <summary>
    /// Until the returned scope ends, changes wait instead of starting a write, so decisions made
    /// one after another in one turn (a batch of requests) share one write even when none was in flight.
    /// </summary>
    public WriteDeferral DeferWrites()
    {
        _deferrals++;
        return new WriteDeferral(this);
    }

    public readonly struct WriteDeferral(EventJournal journal) : IDisposable
    {
        public void Dispose()
        {
            journal._deferrals--;
            journal.FlushLazyChanges();
        }
    }

    /// <summary>Completes when everything appended so far is durable (for replies that depend on earlier decisions).</summary>
    public Task WhenDurable()
    {
        if (_failure is not null) return Task.FromException(_failure);
        FlushLazyChanges();
        return _pending.Count > 0 ? _pendingDurable.Task : _inFlightDurable;
    }

    /// <summary>Writes a snapshot now if anything was journaled since the last one (used on deactivation).</summary>
    public async Task SnapshotIfBehindAsync(CancellationToken cancellationToken)
    {
        await WhenDurable();
        if (_entriesSinceSnapshot == 0 || _failure is not null) return;
        await WriteSnapshotAsync(DurableSequence, Encode(snapshot()), cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_pending.Count > 0)
            {
                // Captured before the swap, the snapshot holds exactly the changes up to the end of this batch.
                var snapshotBytes = SnapshotDue() ? Encode(snapshot()) : null;
                var batch = _pending;
                var durable = _pendingDurable;
                _pending = [];
                _pendingDurable = NewCompletion();
                _inFlightDurable = durable.Task;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    foreach (var payload in EncodeBatch(batch, storage.MaxEntryBytes))
                    {
                        await storage.AppendAsync(grainId, DurableSequence + 1, payload, CancellationToken.None);
                        DurableSequence++;
                        _entriesSinceSnapshot++;
                        _bytesSinceSnapshot += payload.Length;
                        _journalBytes += payload.Length;
                    }
                }
                catch (Exception e)
                {
                    Fail(e, durable);
                    return;
                }

                _batches++;
                _changes += batch.Count;
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                _writeMilliseconds += elapsed;
                EventMetrics.JournalWriteLatency.Record(elapsed);
                EventMetrics.BatchSize.Record(batch.Count);
                durable.SetResult();
                if (snapshotBytes is not null) _ = WriteSnapshotAsync(DurableSequence, snapshotBytes, CancellationToken.None);
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>
    /// A snapshot costs as much as the whole state, so one is written only after the journal grew
    /// by at least as many bytes as the last snapshot had: snapshot writes stay proportional to the
    /// changes, and replay stays bounded by about twice the state.
    /// </summary>
    private bool SnapshotDue() => _entriesSinceSnapshot >= snapshotEveryEntries && _bytesSinceSnapshot >= _lastSnapshotBytes;

    private void Fail(Exception e, TaskCompletionSource inFlight)
    {
        _failure = e is RetriableGrainException or InconsistentStateException ? e : new RetriableGrainException($"Journal write for {grainId} at sequence {DurableSequence + 1} failed: {e.Message}", e);
        inFlight.TrySetException(_failure);
        _pendingDurable.TrySetException(_failure);
        _pending = [];
        onWriteFailed(_failure);
    }

    private async Task WriteSnapshotAsync(long sequence, byte[] data, CancellationToken cancellationToken)
    {
        _entriesSinceSnapshot = 0;
        _bytesSinceSnapshot = 0;
        _lastSnapshotBytes = data.Length;
        _snapshots++;
        _snapshotBytes += data.Length;
        try
        {
            await storage.WriteSnapshotAsync(grainId, sequence, data, cancellationToken);
        }
        catch (Exception)
        {
            // A missing snapshot only makes the next recovery replay more entries.
            _entriesSinceSnapshot = snapshotEveryEntries;
        }
    }

    private static IEnumerable<byte[]> EncodeBatch(List<EventChange> batch, int maxBytes)
    {
        var bytes = JournalCodec.Compress(JsonSerializer.SerializeToUtf8Bytes(batch, EventJournalJsonContext.Default.ListEventChange));
        if (bytes.Length <= maxBytes || batch.Count == 1)
        {
            yield return bytes;
            yield break;
        }

        var half = batch.Count / 2;
        foreach (var part in EncodeBatch(batch[..half], maxBytes)) yield return part;
        foreach (var part in EncodeBatch(batch[half..], maxBytes)) yield return part;
    }

    private static List<EventChange> Decode(byte[] payload) =>
        JsonSerializer.Deserialize(JournalCodec.Json(payload).Span, EventJournalJsonContext.Default.ListEventChange)
        ?? throw new InvalidDataException("Empty journal entry.");

    private static byte[] Encode(EventSnapshot snapshot) => JournalCodec.Compress(JsonSerializer.SerializeToUtf8Bytes(snapshot, EventJournalJsonContext.Default.EventSnapshot));

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
