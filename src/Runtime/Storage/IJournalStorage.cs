namespace Runtime.Storage;

/// <summary>
/// Append-only storage for event-sourced grains: one item per group commit, keyed by a dense
/// sequence number. An append succeeds only when its sequence number is free, which fences any
/// stale activation (two writers can never both append entry n). Snapshots bound the replay.
/// </summary>
public interface IJournalStorage
{
    /// <summary>The newest complete snapshot, or null.</summary>
    Task<JournalSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Entries with a sequence number greater than <paramref name="afterSequence"/>, in order.</summary>
    IAsyncEnumerable<JournalEntry> ReadEntriesAsync(GrainId grainId, long afterSequence, CancellationToken cancellationToken);

    /// <exception cref="InconsistentStateException">entry <paramref name="sequence"/> already exists.</exception>
    Task AppendAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Stores the state as of <paramref name="sequence"/>; may split it over several items.</summary>
    Task WriteSnapshotAsync(GrainId grainId, long sequence, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Largest payload one entry may carry (DynamoDB items stop at 400 KB).</summary>
    int MaxEntryBytes { get; }
}
