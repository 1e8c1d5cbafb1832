using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Api.RateLimits;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Waitlist;

/// <summary>
/// An event's waiting list. The event grain keeps it and offers seats that come back to its first
/// fitting entry as a hold in their name; the buyer confirms that hold with the ordinary confirm endpoint.
/// </summary>
public static class WaitlistApi
{
    public static RouteGroupBuilder MapWaitlistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events/{eventId}/waitlist").WithTags("Waiting list");
        group.MapPost("/", Join).RequireRateLimiting(RateLimitPolicies.Mutations).WithBodyLimit(BodyLimits.Command).WithName("JoinWaitlist");
        group.MapGet("/me", GetMine).WithName("GetMyWaitlistEntry");
        group.MapDelete("/me", Leave).RequireRateLimiting(RateLimitPolicies.Mutations).WithName("LeaveWaitlist");
        group.MapGet("/", GetSummary).WithName("GetWaitlist");
        return group;
    }

    /// <summary>201 joined; 200 when already waiting for as many seats; 409 seats are free now, already waiting for another quantity, or over the seat limit.</summary>
    internal static async Task<Results<Created<WaitlistEntryView>, Ok<WaitlistEntryView>, ValidationProblem, ProblemHttpResult>> Join(
        string eventId, JoinWaitlistRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var command = new JoinWaitlist { Caller = user.ToCaller(), Quantity = request!.Quantity!.Value };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).JoinWaitlist(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();
        return outcome.Created ? TypedResults.Created($"/events/{eventId}/waitlist/me", outcome.Value!) : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<WaitlistEntryView>, ProblemHttpResult>> GetMine(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetWaitlistEntry(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>204 also when the entry had already ended; seats on offer to the caller go on to the next entry.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Leave(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).LeaveWaitlist(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<WaitlistSummary>, ProblemHttpResult>> GetSummary(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetWaitlist(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }
}
