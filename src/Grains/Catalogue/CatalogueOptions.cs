using System.ComponentModel.DataAnnotations;

namespace Grains.Catalogue;

/// <summary>The event catalogue (search), bound from the "Catalogue" configuration section.</summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    /// <summary>
    /// Catalogue shard grains the events are spread over by a stable hash of their id. Each shard is
    /// one grain state item (at most 400 KB in DynamoDB, ~600 bytes per event): 64 shards hold
    /// about 30,000 events; 1,000,000 events need 2,048. Fixed once events exist (changing it
    /// needs a re-push of every event). Default 64.
    /// </summary>
    [Range(1, 65_536)]
    public int ShardCount { get; set; } = 64;

    /// <summary>How often each silo's index pulls the changes of every shard. Default 1 second.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Least time between two availability pushes of one event (its timer pushes when seats or
    /// counters changed); with <see cref="PollPeriod"/> it bounds how stale "available" is. Default 1 second.
    /// </summary>
    public TimeSpan AvailabilityPushPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Characters of the description the catalogue keeps and searches. Default 500.</summary>
    [Range(0, 10_000)]
    public int MaxDescriptionLength { get; set; } = 500;

    /// <summary>Changes one pull reads from a shard at a time. Default 2,000.</summary>
    [Range(1, 100_000)]
    public int PullBatchSize { get; set; } = 2_000;
}
