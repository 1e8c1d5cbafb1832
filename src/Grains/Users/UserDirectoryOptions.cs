using System.ComponentModel.DataAnnotations;

namespace Grains.Users;

/// <summary>Settings of the user filter index, bound from the "Users" configuration section.</summary>
public sealed class UserDirectoryOptions
{
    public const string SectionName = "Users";

    /// <summary>
    /// Partitions of the sharded sort indexes (hosted, attended, created, last name). More shards
    /// spread writes of a huge user base; fewer make unfiltered listings cheaper. Fixed once users
    /// exist (changing it needs a re-index). Default 16.
    /// </summary>
    [Range(1, 256)]
    public int ShardCount { get; set; } = 16;

    /// <summary>Index entries counted per text criterion to find the most selective one. Default 200.</summary>
    [Range(1, 10_000)]
    public int ProbeLimit { get; set; } = 200;

    /// <summary>Largest candidate set a filter reads before it is refused as too broad (422). Default 100,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxCandidates { get; set; } = 100_000;
}
