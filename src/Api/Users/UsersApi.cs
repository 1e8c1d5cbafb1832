using System.Security.Claims;
using Api.Auth;
using Api.Problems;
using Api.Requests;
using Grains.Abstractions;
using Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Users;

/// <summary>
/// User profiles (CRM fields), their engagement counters, hosted events and email statistics, and
/// the user filter. A user reads and changes their own profile ("me" names the caller);
/// organizers and admins read everyone's and filter; admins create and change anyone's.
/// </summary>
public static class UsersApi
{
    public const string Me = "me";

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users");
        group.MapPost("/", CreateUser).WithBodyLimit(BodyLimits.Profile).WithName("CreateUser");
        group.MapGet("/", ListUsers).RequireAuthorization(Policies.Admin).WithName("ListUsers");
        group.MapGet("/{userId}/bookings", GetUserBookings).WithName("GetUserBookings");
        group.MapGet("/filter", FilterUsers).RequireAuthorization(Policies.Organizer).WithName("FilterUsers");
        group.MapGet("/{userId}", GetUser).WithName("GetUser");
        group.MapPut("/{userId}", UpdateUser).WithBodyLimit(BodyLimits.Profile).WithName("UpdateUser");
        group.MapGet("/{userId}/events/hosted", GetHostedEvents).WithName("GetHostedEvents");
        group.MapGet("/{userId}/email-stats", GetUserEmailStats).WithName("GetUserEmailStats");
        return group;
    }

    internal static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;

        var caller = user.ToCaller();

        // The CRM creates contacts: an admin without an id gets a new user with a server-made id.
        var userId = request!.Id ?? (caller.IsAdmin ? Guid.NewGuid().ToString("N") : caller.UserId);
        if (userId != caller.UserId && !caller.IsAdmin) return Failure.Forbidden("Only admins create profiles for other users.").ToProblem();

        var outcome = await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(userId).Create(request.ToProfile()));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Created($"/users/{userId}", outcome.Value!);
    }

    /// <summary>Every user, newest first (admins); GET /users/filter narrows by criteria.</summary>
    internal static async Task<Results<Ok<UserPage>, ValidationProblem, ProblemHttpResult>> ListUsers(
        [System.ComponentModel.Description("Page number, from 1 (default 1).")] string? page,
        [System.ComponentModel.Description("Items per page, 1 to 100 (default 20).")] string? pageSize,
        IUserDirectory directory,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (p, size) = Catalogue.CatalogueSearchRequest.Paging(errors, page, pageSize);
        if (!errors.IsEmpty) return ApiProblems.Validation(errors);

        var filter = new UserFilter { Page = p, PageSize = size, SortBy = UserFilterRules.CreatedAt, SortOrder = "desc" };
        var outcome = await directory.FilterAsync(filter, cancellationToken);
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>A user's bookings, as GET /users/me/bookings shows them: for the user and admins.</summary>
    internal static async Task<Results<Ok<Bookings.MyBookingsResponse>, ProblemHttpResult>> GetUserBookings(string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.ToCaller();
        var id = userId == Me ? caller.UserId : userId;
        if (!Fields.IsUserId(id)) return UserNotFound(userId);
        if (id != caller.UserId && !caller.IsAdmin) return Failure.Forbidden($"Only user {id} and admins read their bookings.").ToProblem();

        var bookings = await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(id).GetBookings());
        return TypedResults.Ok(new Bookings.MyBookingsResponse(bookings));
    }

    internal static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetUser(string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Resolve(userId, user, write: false) is not { } id) return Denied(userId);

        var view = await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(id).Get());
        return view is null ? UserNotFound(id) : TypedResults.Ok(view);
    }

    internal static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateUser(
        string userId, UpdateUserRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Resolve(userId, user, write: true) is not { } id) return Denied(userId);
        if (ApiProblems.Check(request) is { } invalid) return invalid;

        var outcome = await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(id).Update(request!.ToUpdate()));
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static async Task<Results<Ok<HostedEventsResponse>, ProblemHttpResult>> GetHostedEvents(string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Resolve(userId, user, write: false) is not { } id) return Denied(userId);

        var events = await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(id).GetHostedEvents());
        return TypedResults.Ok(new HostedEventsResponse(id, events));
    }

    internal static async Task<Results<Ok<EmailStats>, ProblemHttpResult>> GetUserEmailStats(string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Resolve(userId, user, write: false) is not { } id) return Denied(userId);

        return TypedResults.Ok(await GrainCall.Retry(() => grains.GetGrain<IUserGrain>(id).GetEmailStats()));
    }

    internal static async Task<Results<Ok<UserPage>, ValidationProblem, ProblemHttpResult>> FilterUsers(
        [AsParameters] UserFilterQuery query, IUserDirectory directory, CancellationToken cancellationToken)
    {
        var filter = query.ToFilter();
        var errors = UserFilterRules.Validate(filter);
        if (errors.Count > 0) return ApiProblems.Validation(ToValidationErrors(errors));

        var outcome = await directory.FilterAsync(filter, cancellationToken);
        return outcome.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    internal static ValidationErrors ToValidationErrors(Dictionary<string, string[]> errors)
    {
        var result = new ValidationErrors();
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages) result.Add(field, message);
        }

        return result;
    }

    /// <summary>The user id the caller may act on, or null when they may not (or the id is malformed).</summary>
    private static string? Resolve(string userId, ClaimsPrincipal user, bool write)
    {
        var caller = user.ToCaller();
        var id = userId == Me ? caller.UserId : userId;
        if (!Fields.IsUserId(id)) return null;
        if (id == caller.UserId || caller.IsAdmin) return id;
        return !write && user.IsInRole(Roles.Organizer) ? id : null;
    }

    private static ProblemHttpResult Denied(string userId) =>
        Fields.IsUserId(userId) || userId == Me
            ? Failure.Forbidden($"Only user {userId} and admins (organizers, to read) may do this.").ToProblem()
            : UserNotFound(userId);

    private static ProblemHttpResult UserNotFound(string userId) => ApiProblems.NotFound("User not found", $"There is no user '{userId}'.");
}
