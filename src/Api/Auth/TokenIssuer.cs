using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Auth;

/// <summary>Signs development tokens with the same key, issuer and audience the API validates.</summary>
internal sealed class TokenIssuer(IOptions<AuthOptions> options, SigningKey signingKey, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(string userId, IReadOnlyList<string> roles)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.TokenLifetime,
            SigningCredentials = signingKey.Credentials,
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.Subject] = userId,
                [TokenClaims.Role] = roles.ToArray(),
            },
        });
    }
}
