namespace Grains.Abstractions;

/// <summary>Entries a catalogue shard changed after a given shard version, oldest change first.</summary>
[GenerateSerializer, Immutable, Alias("CatalogueChanges")]
public sealed record CatalogueChanges
{
    [Id(0)]
    public required IReadOnlyList<CatalogueEntry> Entries { get; init; }

    /// <summary>The shard version these changes bring the reader to.</summary>
    [Id(1)]
    public required long Version { get; init; }

    /// <summary>More changes follow: ask again from <see cref="Version"/>.</summary>
    [Id(2)]
    public required bool More { get; init; }

    /// <summary>The reader is ahead of the shard (its store was replaced): drop what it has of this shard and read from 0.</summary>
    [Id(3)]
    public bool Reset { get; init; }
}
