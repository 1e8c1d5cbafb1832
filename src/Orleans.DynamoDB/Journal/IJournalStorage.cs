using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansDynamoDb.Journal;

/// <summary>
/// Append-only storage for event-sourced grains: one item per group commit, keyed by a dense
/// sequence number starting at 1. An append succeeds only when its sequence number is free, which
/// fences any stale activation (two writers can never both append entry n). Snapshots bound the replay.
/// Keyed by Orleans' <see cref="GrainId"/>: a journal belongs to exactly one grain, and its string
/// form ("type/key") is the stable key the items are stored under.
/// </summary>
public interface IJournalStorage
{
    /// <summary>Largest payload one entry may carry (DynamoDB items stop at 400 KB).</summary>
    int MaxEntryBytes { get; }

    /// <summary>The newest complete snapshot, or null.</summary>
    Task<JournalSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Entries with a sequence number greater than <paramref name="afterSequence"/>, in order, read consistently.</summary>
    IAsyncEnumerable<JournalEntry> ReadEntriesAsync(GrainId grainId, long afterSequence, CancellationToken cancellationToken);

    /// <exception cref="InconsistentStateException">entry <paramref name="sequence"/> already exists (another activation wrote it).</exception>
    Task AppendAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Stores the state as of <paramref name="sequence"/>, split over several items when large. An older snapshot never replaces a newer one.</summary>
    Task WriteSnapshotAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);
}
