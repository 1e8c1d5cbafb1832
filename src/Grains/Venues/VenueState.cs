using Grains.Abstractions;

namespace Grains.Venues;

[GenerateSerializer, Alias("VenueState")]
public sealed class VenueState
{
    [Id(0)]
    public Venue? Venue { get; set; }
}
