using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Attendees;

/// <summary>
/// The CRM's attendees without a seat: the event's owner or an admin registers and removes them.
/// Both are idempotent, and the user's attendedEventCount counts each event once.
/// </summary>
public static class AttendeesApi
{
    public static RouteGroupBuilder MapAttendeesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events/{eventId}/attendees").WithTags("Attendees");
        group.MapPost("/{userId}", AddAttendee).WithName("AddAttendee");
        group.MapDelete("/{userId}", RemoveAttendee).WithName("RemoveAttendee");
        return group;
    }

    /// <summary>201 the first time, 200 when the user already is an attendee.</summary>
    internal static async Task<Results<Created<EventAttendee>, Ok<EventAttendee>, ProblemHttpResult>> AddAttendee(
        string eventId, string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Fields.IsUserId(userId)) return ApiProblems.NotFound("User not found", $"There is no user '{userId}'.");
        var command = new AttendeeCommand { Caller = user.ToCaller(), UserId = userId };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).AddAttendee(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();
        return outcome.Created
            ? TypedResults.Created($"/events/{eventId}/attendees/{userId}", outcome.Value!)
            : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>204, also when the user was not (or no longer) an attendee.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAttendee(string eventId, string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Fields.IsUserId(userId)) return ApiProblems.NotFound("User not found", $"There is no user '{userId}'.");
        var command = new AttendeeCommand { Caller = user.ToCaller(), UserId = userId };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).RemoveAttendee(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }
}
