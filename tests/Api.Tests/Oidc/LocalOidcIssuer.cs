using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Oidc;

/// <summary>
/// An OIDC issuer on loopback http for the tests: a discovery document and a JWKS of RS256 keys
/// that can be rotated, and tokens shaped like Cognito's.
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    /// <summary>The issuer lives under a path, as a Cognito user pool's does.</summary>
    private const string PoolPath = "/pool-1";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private List<RsaSecurityKey> _published = [];

    private LocalOidcIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer URL, as the "iss" of its tokens and the API's Auth:Authority.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>The key new tokens are signed with.</summary>
    public RsaSecurityKey CurrentKey { get; private set; } = NewKey();

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalOidcIssuer(app);
        issuer._published = [issuer.CurrentKey];
        app.MapGet(PoolPath + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Authority,
            ["jwks_uri"] = issuer.Authority + "/.well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "token" },
            ["subject_types_supported"] = new[] { "public" },
        }));
        app.MapGet(PoolPath + "/.well-known/jwks.json", () =>
        {
            lock (issuer._lock) return Results.Json(new { keys = issuer._published.Select(Jwk).ToArray() });
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        issuer.Authority = address.TrimEnd('/') + PoolPath;
        return issuer;
    }

    /// <summary>Publishes a new key, signs with it from now on and retires the old one from the JWKS.</summary>
    public RsaSecurityKey Rotate()
    {
        var next = NewKey();
        var retired = CurrentKey;
        lock (_lock) _published = [next];
        CurrentKey = next;
        return retired;
    }

    /// <summary>A token as Cognito issues access tokens: client_id instead of aud, groups in cognito:groups.</summary>
    public string Issue(
        string subject,
        string? audience = null,
        string? clientId = null,
        IEnumerable<string>? groups = null,
        string groupsClaim = "cognito:groups",
        string? issuer = null,
        SecurityKey? key = null,
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var end = expires ?? now.AddHours(1);
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["token_use"] = "access" };
        if (clientId is not null) claims["client_id"] = clientId;
        if (groups is not null) claims[groupsClaim] = groups.ToArray();
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            IssuedAt = end.AddHours(-1),
            NotBefore = end.AddHours(-1),
            Expires = end,
            Claims = claims,
            SigningCredentials = key is SymmetricSecurityKey symmetric
                ? new SigningCredentials(symmetric, SecurityAlgorithms.HmacSha256)
                : new SigningCredentials(key ?? CurrentKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    private static Dictionary<string, string> Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
