using Grains.Abstractions;

namespace Grains.Catalogue;

/// <summary>
/// The durable state of one catalogue shard: the newest entry of each of its events (tombstones of
/// deleted ones included, so readers learn of the deletion) and the shard version at which each
/// entry last changed.
/// </summary>
[GenerateSerializer, Alias("CatalogueShardState")]
public sealed class CatalogueShardState
{
    /// <summary>Bumped once per accepted entry.</summary>
    [Id(0)]
    public long Version { get; set; }

    [Id(1)]
    public Dictionary<string, CatalogueEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The shard version of each entry's last change.</summary>
    [Id(2)]
    public Dictionary<string, long> ChangedAt { get; set; } = new(StringComparer.Ordinal);
}
