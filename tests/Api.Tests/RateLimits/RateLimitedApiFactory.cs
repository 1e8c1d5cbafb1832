using Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.RateLimits;

/// <summary>The API with small limits: a burst of 5 mutations per user, 5 anonymous requests per address, 1/s refill.</summary>
public sealed class RateLimitedApiFactory : ApiFactory
{
    public const int Burst = 5;
    public const int PermitsPerSecond = 1;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        builder.UseSetting("RateLimits:TrustForwardedFor", "true");
        builder.UseSetting("RateLimits:Mutations:PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Mutations:Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Anonymous:PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Anonymous:Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Tokens straight from the issuer: POST /dev/token is anonymous and would spend the address's budget.</summary>
    public TestUser User(string prefix, params string[] roles)
    {
        var id = ApiDriver.NewId(prefix);
        return new TestUser(id, Services.GetRequiredService<TokenIssuer>().Issue(id, roles));
    }
}
