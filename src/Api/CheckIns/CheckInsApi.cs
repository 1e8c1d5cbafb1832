using System.Security.Claims;
using Api.Auth;
using Api.Json;
using Api.Problems;
using Api.RateLimits;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.CheckIns;

/// <summary>
/// Door check-in. The event grain decides every scan, so a ticket admits once whatever the number
/// of gates and silos; a refused scan is a 4xx naming why, never a 5xx.
/// </summary>
public static class CheckInsApi
{
    public static RouteGroupBuilder MapCheckInsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/events/{eventId}/check-ins").WithTags("Check-ins");
        group.MapPost("/", CheckIn).RequireRateLimiting(RateLimitPolicies.Mutations).WithBodyLimit(BodyLimits.Command).WithName("CheckIn");
        group.MapPost("/batch", CheckInBatch).RequireRateLimiting(RateLimitPolicies.Mutations).WithBodyLimit(BodyLimits.ScanBatch).WithName("CheckInBatch");
        group.MapGet("/stats", GetStats).WithName("GetCheckInStats");
        return group;
    }

    /// <summary>200 admitted; 409 already admitted (with the first checkedInAt and gate); 410 booking cancelled; 422 not a ticket of this event.</summary>
    internal static async Task<Results<Ok<CheckInView>, ValidationProblem, ProblemHttpResult>> CheckIn(
        string eventId, CheckInRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var command = new CheckInCommand { Caller = user.ToCaller(), Code = request!.Code!, Gate = request.Gate };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).CheckIn(command));
        if (outcome.Failure is { } failure) return failure.ToProblem();

        var scan = outcome.Value!;
        return scan.Status switch
        {
            CheckInStatuses.Admitted => TypedResults.Ok(scan),
            CheckInStatuses.Duplicate => TypedResults.Problem(
                $"Ticket {scan.TicketId} was already checked in at {scan.CheckedInAt:O}{(scan.Gate is null ? "" : $" at gate {scan.Gate}")}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Ticket already checked in",
                extensions: new Dictionary<string, object?> { ["ticketId"] = scan.TicketId, ["seatId"] = scan.SeatId, ["checkedInAt"] = scan.CheckedInAt, ["gate"] = scan.Gate }),
            CheckInStatuses.Cancelled => TypedResults.Problem(
                $"Ticket {scan.TicketId} belongs to a cancelled booking.",
                statusCode: StatusCodes.Status410Gone,
                title: "Booking cancelled",
                extensions: new Dictionary<string, object?> { ["ticketId"] = scan.TicketId, ["seatId"] = scan.SeatId }),
            _ => TypedResults.Problem(
                scan.Detail,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: InvalidTitle(scan.Problem),
                extensions: new Dictionary<string, object?> { ["problem"] = scan.Problem }),
        };
    }

    /// <summary>200 with one answer per scan (admitted, duplicate, cancelled or invalid), in upload order.</summary>
    internal static async Task<Results<Ok<CheckInBatchView>, ValidationProblem, ProblemHttpResult>> CheckInBatch(
        string eventId, CheckInBatchRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;
        var command = new CheckInBatchCommand { Caller = user.ToCaller(), Scans = request!.ToScans() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).CheckInBatch(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<CheckInStatsView>, ProblemHttpResult>> GetStats(string eventId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var command = new EventCommand { Caller = user.ToCaller() };
        var outcome = await GrainCall.Retry(() => grains.GetGrain<IEventGrain>(eventId).GetCheckInStats(command));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    private static string InvalidTitle(string? problem) => problem switch
    {
        "malformed" => "Malformed ticket code",
        "badSignature" => "Forged or altered ticket code",
        "otherEvent" => "Ticket of another event",
        _ => "Unknown ticket",
    };
}
