namespace Grains.Catalogue;

/// <summary>Which catalogue shard holds an event: a hash that is the same in every process and version.</summary>
public static class CatalogueShards
{
    public static int Of(string eventId, int shardCount) => (int)(StableHash.ComputeHash(eventId) % (uint)shardCount);
}
