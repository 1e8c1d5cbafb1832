using System.Security.Claims;
using Grains.Abstractions;

namespace Api.Auth;

public static class CallerExtensions
{
    /// <summary>The grain-facing identity of an authenticated request: the token's subject, whether it is an admin, and whether it is door staff.</summary>
    public static Caller ToCaller(this ClaimsPrincipal user) => new()
    {
        UserId = user.FindFirstValue(TokenClaims.Subject) ?? throw new InvalidOperationException("An authenticated principal has no subject."),
        IsAdmin = user.IsInRole(Roles.Admin),
        IsStaff = user.IsInRole(Roles.Staff),
    };
}
