using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Api.RateLimits;
using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Bookings;

public static class BookingsApi
{
    public static RouteGroupBuilder MapBookingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events/{eventId}/bookings").WithTags("Bookings");
        group.MapGet("/{bookingId}", GetBooking).WithName("GetBooking");
        group.MapPost("/{bookingId}/cancel", CancelBooking).RequireRateLimiting(RateLimitPolicies.Mutations).WithName("CancelBooking");
        return group;
    }

    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> GetBooking(string eventId, string bookingId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new BookingCommand { Caller = user.ToCaller(), BookingId = bookingId };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetBooking(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> CancelBooking(string eventId, string bookingId, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        if (!IdempotencyKeys.TryRead(http, caller, out var idempotency, out var badKey)) return badKey!;

        var command = new BookingCommand { Caller = caller, BookingId = bookingId, Idempotency = idempotency };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).CancelBooking(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }
}
