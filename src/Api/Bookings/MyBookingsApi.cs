using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Bookings;

/// <summary>The caller's own bookings, from their user grain's booking index.</summary>
public static class MyBookingsApi
{
    public static RouteGroupBuilder MapMyBookingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users/me").WithTags("Users");
        group.MapGet("/bookings", GetMyBookings).WithName("GetMyBookings");
        return group;
    }

    internal static async Task<Ok<MyBookingsResponse>> GetMyBookings(ClaimsPrincipal user, IGrainFactory grains)
    {
        var userId = user.ToCaller().UserId;
        var bookings = await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(userId).GetBookings());
        return TypedResults.Ok(new MyBookingsResponse(bookings));
    }
}

public sealed record MyBookingsResponse(IReadOnlyList<UserBooking> Bookings);
