using System.Security.Claims;
using Api.Auth;
using Api.Json;
using Api.Problems;
using Api.RateLimits;
using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Holds;

public static class HoldsApi
{
    public static RouteGroupBuilder MapHoldsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events/{eventId}/holds").WithTags("Holds");
        group.MapPost("/", PlaceHold).RequireRateLimiting(RateLimitPolicies.Mutations).WithBodyLimit(BodyLimits.Command).WithName("PlaceHold");
        group.MapGet("/{holdId}", GetHold).WithName("GetHold");
        group.MapPost("/{holdId}/extend", ExtendHold).RequireRateLimiting(RateLimitPolicies.Mutations).WithBodyLimit(BodyLimits.Command).WithName("ExtendHold");
        group.MapDelete("/{holdId}", ReleaseHold).RequireRateLimiting(RateLimitPolicies.Mutations).WithName("ReleaseHold");
        group.MapPost("/{holdId}/confirm", ConfirmHold).RequireRateLimiting(RateLimitPolicies.Mutations).WithBodyLimit(BodyLimits.Command).WithName("ConfirmHold");
        return group;
    }

    internal static async Task<Results<Created<HoldView>, Ok<HoldView>, ValidationProblem, ProblemHttpResult>> PlaceHold(
        string eventId, PlaceHoldRequest? request, ClaimsPrincipal user, HttpContext http, EventHoldCalls holds)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, request, ApiJsonContext.Default.PlaceHoldRequest, out var idempotency, out var badKey)) return badKey!;

        var command = request!.ToCommand(caller, idempotency);
        var outcome = await GrainCall.Retry(() => holds.Place(eventId, command));
        if (outcome.Failure is { } failure) return failure.ToProblem();

        var hold = outcome.Value!;
        return outcome.Created ? TypedResults.Created($"/events/{eventId}/holds/{hold.HoldId}", hold) : TypedResults.Ok(hold);
    }

    internal static async Task<Results<Ok<HoldView>, ProblemHttpResult>> GetHold(string eventId, string holdId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new HoldCommand { Caller = user.ToCaller(), HoldId = holdId };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetHold(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<HoldView>, ValidationProblem, ProblemHttpResult>> ExtendHold(
        string eventId, string holdId, ExtendHoldRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, request, ApiJsonContext.Default.ExtendHoldRequest, out var idempotency, out var badKey)) return badKey!;

        var command = new HoldCommand { Caller = caller, HoldId = holdId, TtlSeconds = request!.TtlSeconds, Idempotency = idempotency };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).ExtendHold(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReleaseHold(string eventId, string holdId, ClaimsPrincipal user, HttpContext http, EventHoldCalls holds)
    {
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, out var idempotency, out var badKey)) return badKey!;

        var command = new HoldCommand { Caller = caller, HoldId = holdId, Idempotency = idempotency };
        var outcome = await GrainCall.Retry(() => holds.Release(eventId, command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.NoContent();
    }

    /// <summary>201 with the new booking; 200 with the same booking when the hold was already confirmed.</summary>
    internal static async Task<Results<Created<BookingView>, Ok<BookingView>, ValidationProblem, ProblemHttpResult>> ConfirmHold(
        string eventId, string holdId, ConfirmHoldRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        request ??= new ConfirmHoldRequest(null);
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, request, ApiJsonContext.Default.ConfirmHoldRequest, out var idempotency, out var badKey)) return badKey!;

        var command = new ConfirmHold { Caller = caller, HoldId = holdId, PaymentReference = request.PaymentReference, Idempotency = idempotency };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).Confirm(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();

        var booking = outcome.Value!;
        return outcome.Created
            ? TypedResults.Created($"/events/{eventId}/bookings/{booking.BookingId}", booking)
            : TypedResults.Ok(booking);
    }
}
