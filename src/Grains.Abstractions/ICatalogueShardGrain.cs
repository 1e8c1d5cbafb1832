namespace Grains.Abstractions;

/// <summary>
/// The durable catalogue of the events whose id hashes to this shard (key = shard number). Every
/// accepted entry gets the next shard version, so readers pull exactly what changed since theirs.
/// </summary>
[Alias("ICatalogueShardGrain")]
public interface ICatalogueShardGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps the entry unless a newer version is stored; returns once it is durable.</summary>
    [Alias("Upsert")]
    Task Upsert(CatalogueEntry entry);

    /// <summary>Durable changes after <paramref name="sinceVersion"/>, at most <paramref name="max"/>.</summary>
    [Alias("GetChanges")]
    Task<CatalogueChanges> GetChanges(long sinceVersion, int max);
}
