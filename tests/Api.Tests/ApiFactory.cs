using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TestKit;

namespace Api.Tests;

/// <summary>
/// The API in one process (API + silo) on DynamoDB Local and SES local, with its own tables.
/// Shared by the tests of a class; tests use fresh users, venues and events, never shared state.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Uri? _dynamoDb;
    private Uri? _ses;

    /// <summary>The browser front end's origin, allowed by CORS.</summary>
    public const string FrontEndOrigin = "https://tickets.example.test";

    public string TablePrefix { get; } = TestSilo.NewTablePrefix();

    /// <summary>Null: the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    public virtual async Task InitializeAsync()
    {
        _dynamoDb = await LocalAws.DynamoDbAsync();
        _ses = await LocalAws.SesAsync();
    }

    public ApiDriver CreateDriver() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DynamoDb:ServiceUrl", _dynamoDb?.ToString() ?? throw new InvalidOperationException("InitializeAsync first."));
        builder.UseSetting("DynamoDb:TablePrefix", TablePrefix);
        builder.UseSetting("Ses:ServiceUrl", _ses!.ToString());
        builder.UseSetting("Auth:DevTokens:Enabled", "true");

        // The tests hammer holds and fetch many tokens from one address; RateLimitTests turn limits on.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Browser:AllowedOrigins:0", FrontEndOrigin);
        builder.UseSetting("Reminders:MinimumReminderPeriod", "00:00:01");
        builder.UseSetting("Silo:Port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Silo:GatewayPort", "0");
        builder.UseSetting("Cluster:ClusterId", "api-" + TablePrefix.TrimEnd('-'));
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (Environment.GetEnvironmentVariable("TEST_SILO_LOGS") != "1") logging.ClearProviders();
        });
        if (Clock is { } clock) builder.ConfigureTestServices(services => GrainClock.Use(services, clock));
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>The same API on a clock that moves only when a test advances it.</summary>
public sealed class ManualClockApiFactory : ApiFactory
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;
}
