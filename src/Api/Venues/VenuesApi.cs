using System.ComponentModel;
using System.Security.Claims;
using Api.Catalogue;
using Api.Auth;
using Api.Requests;
using Api.Json;
using Api.Problems;
using Grains.Abstractions;
using Grains.Venues;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Venues;

public static class VenuesApi
{
    public static RouteGroupBuilder MapVenuesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/venues").WithTags("Venues");
        group.MapPost("/", CreateVenue).RequireAuthorization(Policies.Organizer).WithBodyLimit(BodyLimits.Venue).WithName("CreateVenue");
        group.MapGet("/", ListVenues).RequireAuthorization(Policies.Organizer).WithName("ListVenues");
        group.MapGet("/{venueId}", GetVenue).WithName("GetVenue");
        return group;
    }

    internal static async Task<Results<Created<Venue>, Ok<Venue>, ValidationProblem, ProblemHttpResult>> CreateVenue(
        CreateVenueRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        if (!IdempotencyKeys.TryReadKey(http, out var key, out var badKey)) return badKey!;

        var caller = user.ToCaller();
        var venueId = key is null ? Guid.NewGuid().ToString("N") : IdempotencyKeys.DeriveId("venue", $"{caller.UserId}/{key}");
        var command = request!.ToCommand(caller);
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IVenueGrain>(venueId).Create(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();

        var venue = outcome.Value!;
        return outcome.Created ? TypedResults.Created($"/venues/{venue.Id}", venue) : TypedResults.Ok(venue);
    }

    /// <summary>An organizer's own venues, an admin's all of them; newest first.</summary>
    internal static async Task<Results<Ok<VenuePage>, ValidationProblem>> ListVenues(
        [Description("Page number, from 1 (default 1).")] string? page,
        [Description("Items per page, 1 to 100 (default 20).")] string? pageSize,
        ClaimsPrincipal user,
        IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var (p, size) = CatalogueSearchRequest.Paging(errors, page, pageSize);
        if (!errors.IsEmpty) return ApiProblems.Validation(errors);

        var caller = user.ToCaller();
        var owner = caller.IsAdmin ? null : caller.UserId;
        var shards = await Task.WhenAll(Enumerable.Range(0, VenueDirectoryGrain.Shards)
            .Select(shard => GrainCall.Retry(() => grains.GetGrain<IVenueDirectoryGrain>(shard).List(owner))));
        var venues = shards.SelectMany(s => s).OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new VenuePage { Items = venues.Skip((p - 1) * size).Take(size).ToList(), Page = p, PageSize = size, Total = venues.Count });
    }

    internal static async Task<Results<Ok<Venue>, ProblemHttpResult>> GetVenue(string venueId, IGrainFactory grains)
    {
        var venue = await GrainCall.Retry(() => grains.GetGrain<IVenueGrain>(venueId).Get());
        return venue is null ? ApiProblems.NotFound("Venue not found", $"There is no venue '{venueId}'.") : TypedResults.Ok(venue);
    }
}
