using System.Security.Claims;
using Grains.Abstractions;

namespace Api.Auth;

public static class CallerExtensions
{
    /// <summary>The grain-facing identity of an authenticated request: the token's subject, and whether it is an admin.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user) => new()
    {
        UserId = user.FindFirstValue(TokenClaims.Subject) ?? throw new InvalidOperationException("An authenticated principal has no subject."),
        IsAdmin = user.IsInRole(Roles.Admin),
    };
}
