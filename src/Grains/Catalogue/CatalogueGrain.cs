using Grains.Abstractions;

namespace Grains.Catalogue;

/// <summary>
/// Answers catalogue searches on the silo that receives them, from that silo's
/// <see cref="CatalogueReplica"/>: a stateless worker, so searches spread over every silo (and
/// every gateway a client uses) without a hot grain.
/// </summary>
[StatelessWorker]
public sealed class CatalogueGrain(CatalogueReplica replica) : Grain, ICatalogueGrain
{
    private const int MaxSuggestions = 10;

    async Task<CataloguePage> ICatalogueGrain.Search(CatalogueQuery query, Caller caller)
    {
        await replica.WhenLoaded();
        return replica.Index.Search(query, caller);
    }

    async Task<IReadOnlyList<string>> ICatalogueGrain.Suggest(string prefix, Caller caller)
    {
        await replica.WhenLoaded();
        return replica.Index.Suggest(prefix, caller, MaxSuggestions);
    }

    async Task<AnalyticsPage> ICatalogueGrain.GetAnalytics(CatalogueQuery query, Caller caller)
    {
        await replica.WhenLoaded();
        var owner = caller.IsAdmin ? query.Owner : caller.UserId;
        return replica.Index.Analytics(owner, query.Page, query.PageSize);
    }
}
