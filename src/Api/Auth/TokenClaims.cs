namespace Api.Auth;

/// <summary>Short JWT claim names, kept as issued (MapInboundClaims = false) so nothing is remapped per request.</summary>
internal static class TokenClaims
{
    public const string Subject = "sub";

    public const string Role = "role";

    /// <summary>Cognito access tokens name their app client here instead of in "aud".</summary>
    public const string ClientId = "client_id";
}
