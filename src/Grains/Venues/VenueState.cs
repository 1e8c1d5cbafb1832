using Grains.Abstractions;

namespace Grains.Venues;

public sealed class VenueState
{
    public Venue? Venue { get; set; }
}
