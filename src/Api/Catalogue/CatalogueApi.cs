using System.ComponentModel;
using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Catalogue;

/// <summary>
/// Finding events: search with filters, sorts and facets, title suggestions and the CRM's listing by
/// owner, answered by the catalogue grain from the serving silo's index (docs/architecture.md).
/// Everyone signed in sees published and cancelled events; drafts only their owner, hosts and admins.
/// </summary>
public static class CatalogueApi
{
    public const int MaxSuggestPrefix = 100;

    public static RouteGroupBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events").WithTags("Catalogue");
        group.MapGet("/", SearchEvents).WithName("SearchEvents");
        group.MapGet("/suggest", SuggestEvents).WithName("SuggestEvents");
        group.MapGet("/owner/{ownerId}", ListOwnerEvents).WithName("ListOwnerEvents");
        return group;
    }

    internal static async Task<Results<Ok<CataloguePage>, ValidationProblem>> SearchEvents(
        [AsParameters] CatalogueSearchRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (request.ToQuery(errors) is not { } query) return ApiProblems.Validation(errors);
        return TypedResults.Ok(await GrainCall.Retry(() => Catalogue(grains).Search(query, user.ToCaller())));
    }

    internal static async Task<Results<Ok<SuggestResponse>, ValidationProblem>> SuggestEvents(
        [Description("The start of a title (its last word may be partial).")] string? q, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(q)) errors.Add("q", "A prefix is required.");
        else Fields.Text(errors, "q", q, MaxSuggestPrefix);
        if (!errors.IsEmpty) return ApiProblems.Validation(errors);
        return TypedResults.Ok(new SuggestResponse(await GrainCall.Retry(() => Catalogue(grains).Suggest(q!, user.ToCaller()))));
    }

    /// <summary>Every event of one owner, drafts included: for the owner and admins.</summary>
    internal static async Task<Results<Ok<CataloguePage>, ValidationProblem, ProblemHttpResult>> ListOwnerEvents(
        string ownerId, [AsParameters] CatalogueSearchRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        if (ownerId == "me") ownerId = caller.UserId;
        if (ownerId != caller.UserId && !caller.IsAdmin) return Failure.Forbidden("Only the owner and admins list an owner's events.").ToProblem();
        var errors = new ValidationErrors();
        if (request.ToQuery(errors) is not { } query) return ApiProblems.Validation(errors);
        return TypedResults.Ok(await GrainCall.Retry(() => Catalogue(grains).Search(query with { Owner = ownerId }, caller)));
    }

    private static ICatalogueGrain Catalogue(IGrainFactory grains) => grains.GetGrain<ICatalogueGrain>(0);
}

public sealed record SuggestResponse(IReadOnlyList<string> Titles);
