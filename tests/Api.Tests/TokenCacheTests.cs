using System.Text;
using Api.Auth;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TestKit;

namespace Api.Tests;

public sealed class TokenCacheTests
{
    private static readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(new string('k', 32)));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RepeatedTokenIsServedFromTheCacheUntilItExpires()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Issue(lifetime: TimeSpan.FromMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.Same(first, second);
        Assert.Equal("ana", second.ClaimsIdentity.FindFirst("sub")?.Value);

        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task InvalidTokensAreNeverCached()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Issue(lifetime: TimeSpan.FromMinutes(10));
        var tampered = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");

        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters())).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task CacheStaysWithinItsCapacity()
    {
        var handler = new CachingTokenHandler(_time, capacity: 3);

        for (var i = 0; i < 10; i++) Assert.True((await handler.ValidateTokenAsync(Issue(TimeSpan.FromMinutes(10), $"user{i}"), Parameters())).IsValid);

        Assert.InRange(handler.Count, 1, 3);
    }

    [Fact]
    public async Task AuthorizationHeaderWithAValidatedTokenAuthenticatesUntilItExpires()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Issue(lifetime: TimeSpan.FromMinutes(10));

        Assert.False(handler.TryAuthenticate($"Bearer {token}", out _));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        Assert.True(handler.TryAuthenticate($"Bearer {token}", out var principal));
        Assert.Equal("ana", principal!.FindFirst("sub")?.Value);
        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.False(handler.TryAuthenticate($"Basic {token}", out _));
        Assert.False(handler.TryAuthenticate(new StringValues([$"Bearer {token}", $"Bearer {token}"]), out _));

        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.False(handler.TryAuthenticate($"Bearer {token}", out _));
    }

    [Fact]
    public async Task OidcTokenIsCachedWithItsRolesMappedOnce()
    {
        var rsa = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "k1" };
        var mapped = 0;
        var handler = new CachingTokenHandler(_time, (_, identity) =>
        {
            mapped++;
            return new System.Security.Claims.ClaimsIdentity(identity.Claims.Append(new System.Security.Claims.Claim("role", "organizer")), identity.AuthenticationType, "sub", "role");
        });
        var token = Issue(TimeSpan.FromMinutes(10), credentials: new SigningCredentials(rsa, SecurityAlgorithms.RsaSha256));
        var parameters = Parameters();
        parameters.IssuerSigningKey = rsa;

        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.True(handler.TryAuthenticate($"Bearer {token}", out var principal));

        Assert.True(principal!.IsInRole("organizer"));
        Assert.Equal(1, mapped);
    }

    private string Issue(TimeSpan lifetime, string subject = "ana", SigningCredentials? credentials = null)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "i",
            Audience = "a",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["sub"] = subject },
            SigningCredentials = credentials ?? new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "i",
        ValidAudience = "a",
        IssuerSigningKey = _key,
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } end && now < end && (notBefore is not { } start || now >= start);
        },
    };
}
