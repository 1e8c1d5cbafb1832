using System.Security.Claims;
using Api.Auth;
using Api.Requests;
using Api.Json;
using Api.Problems;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Venues;

public static class VenuesApi
{
    public static RouteGroupBuilder MapVenuesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/venues").WithTags("Venues");
        group.MapPost("/", CreateVenue).RequireAuthorization(Policies.Organizer).WithBodyLimit(BodyLimits.Venue).WithName("CreateVenue");
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

    internal static async Task<Results<Ok<Venue>, ProblemHttpResult>> GetVenue(string venueId, IGrainFactory grains)
    {
        var venue = await GrainCall.Retry(() => grains.GetGrain<IVenueGrain>(venueId).Get());
        return venue is null ? ApiProblems.NotFound("Venue not found", $"There is no venue '{venueId}'.") : TypedResults.Ok(venue);
    }
}
