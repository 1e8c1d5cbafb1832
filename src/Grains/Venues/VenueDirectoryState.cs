using Grains.Abstractions;

namespace Grains.Venues;

[GenerateSerializer, Alias("VenueDirectoryState")]
public sealed class VenueDirectoryState
{
    [Id(0)]
    public Dictionary<string, VenueSummary> Venues { get; set; } = new(StringComparer.Ordinal);
}
