using System.Security.Claims;
using Api.Auth;
using Api.Json;
using Api.Problems;
using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events").WithTags("Events");
        group.MapPost("/", CreateEvent).RequireAuthorization(Policies.Organizer).WithBodyLimit(BodyLimits.Event).WithName("CreateEvent");
        group.MapGet("/{eventId}", GetEvent).WithName("GetEvent");
        group.MapGet("/slug/{slug}", GetEventBySlug).WithName("GetEventBySlug");
        group.MapPut("/{eventId}", UpdateEvent).WithBodyLimit(BodyLimits.Event).WithName("UpdateEvent");
        group.MapPost("/{eventId}/publish", PublishEvent).WithName("PublishEvent");
        group.MapPost("/{eventId}/cancel", CancelEvent).WithName("CancelEvent");
        group.MapGet("/{eventId}/availability", GetAvailability).WithName("GetAvailability");
        group.MapGet("/{eventId}/seats", GetSeats).WithName("GetSeats");
        group.MapGet("/{eventId}/analytics", GetAnalytics).WithName("GetAnalytics");
        group.MapDelete("/{eventId}", DeleteEvent).WithName("DeleteEvent");
        return group;
    }

    internal static async Task<Results<Created<EventDetails>, Ok<EventDetails>, ValidationProblem, ProblemHttpResult>> CreateEvent(
        CreateEventRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, request, ApiJsonContext.Default.CreateEventRequest, out var idempotency, out var badKey)) return badKey!;

        // The scoped key already names the caller, so the derived id is per user too.
        var eventId = idempotency is null ? Guid.NewGuid().ToString("N") : IdempotencyKeys.DeriveId("event", idempotency.Key);
        var command = request!.ToCommand(caller, idempotency);
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).Create(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();

        var details = outcome.Value!;
        return outcome.Created ? TypedResults.Created($"/events/{details.Id}", details) : TypedResults.Ok(details);
    }

    internal static async Task<Results<Ok<EventDetails>, ProblemHttpResult>> GetEvent(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var details = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).Get());
        return details is not null && IsVisibleTo(details, user) ? TypedResults.Ok(details) : EventNotFound(eventId);
    }

    internal static async Task<Results<Ok<EventDetails>, ProblemHttpResult>> GetEventBySlug(string slug, ClaimsPrincipal user, IGrainFactory grains)
    {
        // A string that can never be a slug would only activate an empty grain.
        if (!Fields.IsSlug(slug)) return ApiProblems.NotFound("Event not found", $"There is no event with slug '{slug}'.");

        var eventId = await GrainCall.Retry(() => grains.GetGrain<ISlugGrain>(slug).Resolve());
        var details = eventId is null ? null : await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).Get());
        return details is not null && IsVisibleTo(details, user)
            ? TypedResults.Ok(details)
            : ApiProblems.NotFound("Event not found", $"There is no event with slug '{slug}'.");
    }

    internal static async Task<Results<Ok<EventDetails>, ValidationProblem, ProblemHttpResult>> UpdateEvent(
        string eventId, UpdateEventRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;

        var command = request!.ToCommand(user.ToCaller());
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).Update(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static Task<Results<Ok<EventDetails>, ProblemHttpResult>> PublishEvent(string eventId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains) =>
        Organize(eventId, user, http, grains, static (grain, command) => grain.Publish(command));

    internal static Task<Results<Ok<EventDetails>, ProblemHttpResult>> CancelEvent(string eventId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains) =>
        Organize(eventId, user, http, grains, static (grain, command) => grain.Cancel(command));

    internal static async Task<Results<Ok<Availability>, ProblemHttpResult>> GetAvailability(string eventId, IGrainFactory grains)
    {
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetAvailability());
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<SeatList>, ProblemHttpResult>> GetSeats(string eventId, IGrainFactory grains)
    {
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetSeats());
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<EventAnalytics>, ProblemHttpResult>> GetAnalytics(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetAnalytics(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>Deletes an event without bookings (409 with bookings: cancel it instead); repeating it answers 204 too.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteEvent(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).Delete(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<EventDetails>, ProblemHttpResult>> Organize(
        string eventId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains, Func<IEventGrain, EventCommand, Task<Outcome<EventDetails>>> action)
    {
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, out var idempotency, out var badKey)) return badKey!;

        var command = new EventCommand { Caller = caller, Idempotency = idempotency };
        var outcome = await GrainCall.Retry(() => action(grains.GetGrain<IEventGrain>(eventId), command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    // Drafts are the organizer's work in progress: only the owner, hosts and admins see them.
    private static bool IsVisibleTo(EventDetails details, ClaimsPrincipal user)
    {
        if (!string.Equals(details.Status, nameof(EventStatus.Draft), StringComparison.OrdinalIgnoreCase)) return true;

        var caller = user.ToCaller();
        return caller.IsAdmin || caller.UserId == details.OwnerId || details.HostIds.Contains(caller.UserId);
    }

    private static ProblemHttpResult EventNotFound(string eventId) => ApiProblems.NotFound("Event not found", $"There is no event '{eventId}'.");
}
