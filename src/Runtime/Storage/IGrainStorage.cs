namespace Runtime.Storage;

/// <summary>Whole-state storage for small grains, with optimistic concurrency on a version number.</summary>
public interface IGrainStorage
{
    Task<StoredState?> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Writes when the stored version equals <paramref name="expectedVersion"/> (0 = absent); returns the new version.</summary>
    /// <exception cref="InconsistentStateException">another writer changed the item.</exception>
    Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> data, long expectedVersion, CancellationToken cancellationToken);

    Task ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken);
}
