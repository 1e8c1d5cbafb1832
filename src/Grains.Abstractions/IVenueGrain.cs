using Runtime;

namespace Grains.Abstractions;

/// <summary>A venue and its seat map; key = venue id.</summary>
public interface IVenueGrain : IGrainWithStringKey
{
    Task<Outcome<Venue>> Create(CreateVenue command);

    Task<Venue?> Get();
}
