using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Auth;

/// <summary>
/// Turns an OIDC token's groups (Auth:RoleClaim, "cognito:groups" by default) into the API's role
/// claims, once per token when it is first validated, so authorization reads one claim type
/// whichever issuer signed the token. Development tokens already carry their roles as "role".
/// </summary>
internal sealed class OidcRoleMapping
{
    private readonly string _developmentIssuer;
    private readonly string _roleClaim;
    private readonly Dictionary<string, string> _groups = new(StringComparer.OrdinalIgnoreCase);

    public OidcRoleMapping(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
        _developmentIssuer = settings.Issuer;
        _roleClaim = settings.RoleClaim;
        foreach (var role in Roles.All) _groups[role] = role;
        foreach (var (group, role) in settings.RoleMap) _groups[group] = role;
    }

    public ClaimsIdentity Map(JsonWebToken token, ClaimsIdentity identity)
    {
        if (string.Equals(token.Issuer, _developmentIssuer, StringComparison.Ordinal)) return identity;

        // A "role" claim the issuer happens to send grants nothing: only the configured claim does.
        var claims = identity.Claims.Where(c => c.Type != TokenClaims.Role).ToList();
        var roles = identity.FindAll(_roleClaim)
            .Select(c => _groups.GetValueOrDefault(c.Value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        claims.AddRange(roles.Select(role => new Claim(TokenClaims.Role, role, ClaimValueTypes.String, token.Issuer)));
        return new ClaimsIdentity(claims, identity.AuthenticationType, TokenClaims.Subject, TokenClaims.Role);
    }
}
