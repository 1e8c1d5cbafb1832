using Microsoft.AspNetCore.Hosting;

namespace Api.Tests.Oidc;

/// <summary>The API trusting a local OIDC issuer (and, as in development, the HMAC development issuer).</summary>
public sealed class OidcApiFactory : ApiFactory
{
    public const string ClientId = "booking-web-client";

    public LocalOidcIssuer Issuer { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Issuer = await LocalOidcIssuer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Authority", Issuer.Authority);
        builder.UseSetting("Auth:Audience", ClientId);
        // The shortest refresh interval the framework allows, so a rotation is picked up at once.
        builder.UseSetting("Auth:KeyRefreshInterval", "00:00:01");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
