namespace Grains.Abstractions;

/// <summary>One shard of the venue listing (key = shard number, a stable hash of the venue id).</summary>
[Alias("IVenueDirectoryGrain")]
public interface IVenueDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces the venue; returns once durable.</summary>
    [Alias("Add")]
    Task Add(VenueSummary venue);

    /// <summary>The shard's venues, of one owner when given.</summary>
    [Alias("List")]
    Task<IReadOnlyList<VenueSummary>> List(string? ownerId);
}
