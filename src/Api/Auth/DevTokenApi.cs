using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Auth;

/// <summary>A development issuer: anyone can get a token for any user. Mapped only when Auth:DevTokens:Enabled.</summary>
public static class DevTokenApi
{
    public static RouteHandlerBuilder MapDevTokenApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/dev/token", IssueToken).AllowAnonymous().WithTags("Development").WithBodyLimit(BodyLimits.Command).WithName("IssueDevToken");

    internal static Results<Ok<DevTokenResponse>, ValidationProblem> IssueToken(DevTokenRequest? request, TokenIssuer issuer)
    {
        if (ApiProblems.Check(request) is { } invalid) return invalid;

        var roles = request!.Roles?.Select(r => r!).Distinct(StringComparer.Ordinal).ToArray() ?? [];
        return TypedResults.Ok(new DevTokenResponse(issuer.Issue(request.UserId!, roles)));
    }
}
