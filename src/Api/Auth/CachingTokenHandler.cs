using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Auth;

/// <summary>
/// Remembers tokens that validated, until they expire, so a buyer who sends the same token with
/// every request costs one dictionary lookup instead of a parse and an HMAC. Keyed by the whole
/// token, signature included, so only byte-identical tokens hit; lifetimes are still checked on
/// every hit against the injected clock.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider time, int capacity = CachingTokenHandler.DefaultCapacity) : JsonWebTokenHandler
{
    /// <summary>Bounds memory (a few KB per token); past it the cache starts over rather than tracking recency per hit.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);

    public int Count => _validated.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_validated.TryGetValue(token, out var hit))
        {
            if (now >= hit.ValidFrom && now < hit.ValidUntil) return hit.Result;
            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.ValidTo != DateTime.MinValue)
        {
            // Built now, while one thread owns the result; afterwards requests only read it.
            _ = result.ClaimsIdentity;
            var skew = validationParameters.ClockSkew;
            var validFrom = jwt.ValidFrom == DateTime.MinValue ? DateTime.MinValue : jwt.ValidFrom - skew;
            if (_validated.Count >= capacity) _validated.Clear();
            _validated[token] = new Validated(result, validFrom, jwt.ValidTo + skew);
        }

        return result;
    }

    private sealed record Validated(TokenValidationResult Result, DateTime ValidFrom, DateTime ValidUntil);
}
