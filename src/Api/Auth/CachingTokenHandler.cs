using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Auth;

/// <summary>
/// Remembers tokens that validated, until they expire, so a buyer who sends the same token with
/// every request costs one dictionary lookup instead of a parse and an HMAC. Keyed by the whole
/// token, signature included, so only byte-identical tokens hit; lifetimes are still checked on
/// every hit against the injected clock. The cache works the same for the OIDC issuer's RS256 tokens
/// and the development issuer's HMAC ones; an identity's roles are mapped once, when it is cached.
/// </summary>
internal sealed class CachingTokenHandler(
    TimeProvider time,
    Func<JsonWebToken, ClaimsIdentity, ClaimsIdentity>? mapIdentity = null,
    int capacity = CachingTokenHandler.DefaultCapacity) : JsonWebTokenHandler
{
    /// <summary>Bounds memory (a few KB per token); past it the cache starts over rather than tracking recency per hit.</summary>
    public const int DefaultCapacity = 10_000;

    private const string BearerPrefix = "Bearer ";

    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);

    public int Count => _validated.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (TryGetLive(token, out var hit)) return hit.Result;

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.ValidTo != DateTime.MinValue)
        {
            // Built now, while one thread owns the result; afterwards requests only read it.
            if (mapIdentity is not null) result.ClaimsIdentity = mapIdentity(jwt, result.ClaimsIdentity);
            else _ = result.ClaimsIdentity;
            var skew = validationParameters.ClockSkew;
            var validFrom = jwt.ValidFrom == DateTime.MinValue ? DateTime.MinValue : jwt.ValidFrom - skew;
            if (_validated.Count >= capacity) _validated.Clear();
            _validated[token] = new Validated(result, validFrom, jwt.ValidTo + skew);
        }

        return result;
    }

    /// <summary>
    /// The caller of a request whose bearer token already validated and is still live, read straight
    /// from the Authorization header. Lets the bearer handler answer before it copies its validation
    /// parameters and builds its per-request state, which was a tenth of a booking request's allocations.
    /// </summary>
    public bool TryAuthenticate(StringValues authorization, out ClaimsPrincipal? principal)
    {
        principal = null;
        if (authorization.Count != 1 || authorization[0] is not { } header
            || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return false;

        var token = header.AsSpan(BearerPrefix.Length).Trim();
        if (!_validated.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var hit) || !IsLive(hit)) return false;

        principal = new ClaimsPrincipal(hit.Result.ClaimsIdentity);
        return true;
    }

    private bool TryGetLive(string token, out Validated hit)
    {
        if (_validated.TryGetValue(token, out hit!))
        {
            if (IsLive(hit)) return true;
            _validated.TryRemove(token, out _);
        }

        return false;
    }

    private bool IsLive(Validated hit)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now >= hit.ValidFrom && now < hit.ValidUntil;
    }

    private sealed record Validated(TokenValidationResult Result, DateTime ValidFrom, DateTime ValidUntil);
}
