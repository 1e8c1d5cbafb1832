namespace Api.Auth;

/// <summary>Short JWT claim names, kept as issued (MapInboundClaims = false) so nothing is remapped per request.</summary>
internal static class TokenClaims
{
    public const string Subject = "sub";

    public const string Role = "role";
}
