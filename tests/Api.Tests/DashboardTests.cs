using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Api.Tests;

public sealed class DashboardTests
{
    [Fact]
    public async Task WithTheDashboardSwitchedOffTheApiStillStartsAndServesNoDashboard()
    {
        await using var factory = new WithoutDashboard();
        await factory.InitializeAsync();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard")).StatusCode);
    }

    private sealed class WithoutDashboard : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Dashboard:Enabled", "false");
        }
    }
}
