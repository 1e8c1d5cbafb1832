namespace Api.Auth;

/// <summary>Bearer token settings, bound from the "Auth" configuration section and validated at start-up.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The claim Cognito puts a user's groups in.</summary>
    public const string CognitoGroupsClaim = "cognito:groups";

    /// <summary>
    /// Used only when no <see cref="SigningKey"/> is configured and development tokens are enabled,
    /// so a production deployment can never run on a key that is published in the source.
    /// </summary>
    internal const string DevelopmentSigningKey = "booking-development-signing-key-not-for-production-use";

    public DevTokenOptions DevTokens { get; set; } = new();

    /// <summary>
    /// The OIDC issuer whose tokens are accepted, e.g. https://cognito-idp.{region}.amazonaws.com/{user pool id}.
    /// Its discovery document and signing keys (JWKS) are fetched and refreshed by the JwtBearer handler.
    /// https, or http on a loopback address (tests). Default: none.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The claim whose values name the caller's groups in OIDC tokens: "cognito:groups" (default) for
    /// Cognito, "roles" for most other issuers. Values organizer, staff and admin become those roles.
    /// </summary>
    public string RoleClaim { get; set; } = CognitoGroupsClaim;

    /// <summary>
    /// Further group names that grant a role, group → role (e.g. "Organizers" → "organizer"); the
    /// names organizer, staff and admin always map to themselves. Default: none.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Shortest time between two signing-key refreshes caused by a token with an unknown key id, so
    /// forged key ids cannot make the API hammer the issuer. Default 5 minutes (the framework's).
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// HMAC-SHA256 key of the development issuer, at least 32 bytes. Unset: the development issuer
    /// is off unless <see cref="DevTokenOptions.Enabled"/>, which signs with a published key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Issuer name of the development tokens (HMAC). Default "booking-api".</summary>
    public string Issuer { get; set; } = "booking-api";

    /// <summary>
    /// The audience tokens must be for: the app client id with an OIDC issuer. Cognito access tokens
    /// carry it as client_id, ID tokens and other issuers as aud; either matches. Default "booking-api".
    /// </summary>
    public string Audience { get; set; } = "booking-api";

    /// <summary>Lifetime of development tokens. Default 8 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Tolerated clock difference between issuer and API. Default 30 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether HMAC tokens of the development issuer are accepted: a key is configured or development tokens are on.</summary>
    internal bool HmacIssuerEnabled => !string.IsNullOrEmpty(SigningKey) || DevTokens.Enabled;

    internal string EffectiveSigningKey =>
        !string.IsNullOrEmpty(SigningKey) ? SigningKey
        : DevTokens.Enabled ? DevelopmentSigningKey
        : throw new InvalidOperationException("Auth:SigningKey is required unless Auth:DevTokens:Enabled is true.");

    /// <summary>Plain http is allowed for the discovery document only on a loopback authority (a test issuer).</summary>
    internal bool AuthorityIsLoopbackHttp =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
}

public sealed class DevTokenOptions
{
    /// <summary>Serves POST /dev/token, which signs a token for any user; never enable it in production. Default false.</summary>
    public bool Enabled { get; set; }
}
