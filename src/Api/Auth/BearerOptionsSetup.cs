using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace Api.Auth;

/// <summary>
/// One bearer scheme for both issuers: the OIDC authority (Auth:Authority; discovery, JWKS and key
/// rotation by the JwtBearer handler) and the HMAC development issuer (only when configured). Each
/// issuer's tokens validate only with that issuer's keys.
/// </summary>
internal sealed class BearerOptionsSetup(IOptions<AuthOptions> auth, SigningKey key, TimeProvider time, CachingTokenHandler tokens)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    public void Configure(string? name, JwtBearerOptions jwt)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;

        var settings = auth.Value;
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
        jwt.TokenHandlers.Clear();
        jwt.TokenHandlers.Add(tokens);
        jwt.Events = new JwtBearerEvents
        {
            // A token seen before answers here, before the handler's per-request set-up.
            OnMessageReceived = context =>
            {
                if (tokens.TryAuthenticate(context.Request.Headers.Authorization, out var principal))
                {
                    context.Principal = principal;
                    context.Success();
                }

                return Task.CompletedTask;
            },
        };

        var issuers = new List<string>();
        var algorithms = new List<string>();
        if (settings.HmacIssuerEnabled)
        {
            issuers.Add(settings.Issuer);
            algorithms.Add(SecurityAlgorithms.HmacSha256);
        }

        if (settings.Authority is { Length: > 0 } authority)
        {
            // The handler's post-configuration builds the configuration manager from these; the
            // token handler refreshes its keys when a token names a key id it does not know yet.
            jwt.Authority = authority;
            jwt.RequireHttpsMetadata = !settings.AuthorityIsLoopbackHttp;
            jwt.RefreshOnIssuerKeyNotFound = true;
            jwt.RefreshInterval = settings.KeyRefreshInterval;
            issuers.Add(authority);
            algorithms.Add(SecurityAlgorithms.RsaSha256);
        }
        else
        {
            jwt.RefreshOnIssuerKeyNotFound = false;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            IssuerSigningKey = settings.HmacIssuerEnabled ? key.Key : null,
            ValidAlgorithms = algorithms,
            AudienceValidator = (audiences, token, _) => IsForThisApi(audiences, token, settings.Audience),
            // The development key signs only development tokens, and only the authority's keys sign its tokens.
            ValidateIssuerSigningKey = true,
            IssuerSigningKeyValidator = (signingKey, token, _) =>
                signingKey is SymmetricSecurityKey == string.Equals(token.Issuer, settings.Issuer, StringComparison.Ordinal),
            NameClaimType = TokenClaims.Subject,
            RoleClaimType = TokenClaims.Role,
            RequireExpirationTime = true,
            ClockSkew = settings.ClockSkew,
            // Lifetimes follow the injected clock, like everything else in the system.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } end && now < end + parameters.ClockSkew
                    && (notBefore is not { } start || now >= start - parameters.ClockSkew);
            },
        };
    }

    /// <summary>
    /// A key the issuer removed from its JWKS stops validating once the keys are refreshed: the
    /// identity library would otherwise keep trying "last known good" configurations, with their
    /// retired (possibly compromised) keys, for an hour.
    /// </summary>
    public static void ForgetRetiredKeys(JwtBearerOptions jwt)
    {
        if (jwt.ConfigurationManager is BaseConfigurationManager manager) manager.UseLastKnownGoodConfiguration = false;
    }

    /// <summary>ID tokens and most issuers name the client in aud; Cognito access tokens have no aud but a client_id.</summary>
    private static bool IsForThisApi(IEnumerable<string> audiences, SecurityToken token, string audience)
    {
        if (audiences.Contains(audience, StringComparer.Ordinal)) return true;
        return token is JsonWebToken jwt && !jwt.Audiences.Any()
            && jwt.TryGetPayloadValue<string>(TokenClaims.ClientId, out var clientId) && clientId == audience;
    }
}
