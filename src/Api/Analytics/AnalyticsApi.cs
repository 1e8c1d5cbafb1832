using System.ComponentModel;
using System.Security.Claims;
using Api.Auth;
using Api.Catalogue;
using Api.Problems;
using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Analytics;

/// <summary>
/// Analytics across events, from the catalogue (each event's figures at most a few seconds old;
/// GET /events/{id}/analytics is exact): an organizer's own events, an admin's all or one owner's.
/// </summary>
public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/analytics").WithTags("Analytics");
        group.MapGet("/events", GetEventsAnalytics).RequireAuthorization(Policies.Organizer).WithName("GetEventsAnalytics");
        return group;
    }

    internal static async Task<Results<Ok<AnalyticsPage>, ValidationProblem>> GetEventsAnalytics(
        [Description("Admins only: the events of this owner.")] string? owner,
        [Description("Page number, from 1 (default 1).")] string? page,
        [Description("Items per page, 1 to 100 (default 20).")] string? pageSize,
        ClaimsPrincipal user,
        IGrainFactory grains)
    {
        var caller = user.ToCaller();
        var errors = new ValidationErrors();
        if (owner is not null && !Fields.IsUserId(owner)) errors.Add("owner", "Not a user id.");
        else if (owner is not null && !caller.IsAdmin && owner != caller.UserId) errors.Add("owner", "Only admins read the analytics of another owner.");
        var (p, size) = CatalogueSearchRequest.Paging(errors, page, pageSize);
        if (!errors.IsEmpty) return ApiProblems.Validation(errors);
        var query = new CatalogueQuery { Owner = owner, Page = p, PageSize = size };
        return TypedResults.Ok(await GrainCall.Retry(() => grains.GetGrain<ICatalogueGrain>(0).GetAnalytics(query, caller)));
    }
}
