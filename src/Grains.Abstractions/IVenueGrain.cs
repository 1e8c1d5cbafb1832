namespace Grains.Abstractions;

/// <summary>A venue and its seat map; key = venue id.</summary>
[Alias("IVenueGrain")]
public interface IVenueGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<Outcome<Venue>> Create(CreateVenue command);

    [Alias("Get")]
    Task<Venue?> Get();
}
