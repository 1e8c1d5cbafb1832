namespace Grains.Abstractions;

/// <summary>
/// Searches the catalogue: a stateless worker on every silo, answering from that silo's own
/// in-memory index of the catalogue shards.
/// </summary>
[Alias("ICatalogueGrain")]
public interface ICatalogueGrain : IGrainWithIntegerKey
{
    [Alias("Search")]
    Task<CataloguePage> Search(CatalogueQuery query, Caller caller);

    [Alias("Suggest")]
    Task<IReadOnlyList<string>> Suggest(string prefix, Caller caller);

    /// <summary>Analytics of the events the caller organizes (admins: all, or <see cref="CatalogueQuery.Owner"/>'s).</summary>
    [Alias("GetAnalytics")]
    Task<AnalyticsPage> GetAnalytics(CatalogueQuery query, Caller caller);
}
