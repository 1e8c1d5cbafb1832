using Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace TestKit;

/// <summary>
/// One Orleans silo in this process (Orleans' InProcessTestCluster, its in-memory membership) with
/// the booking grains on DynamoDB Local under a table prefix of its own. Several TestSilos on the
/// same prefix are separate clusters sharing the same durable state: a restart, or two activations
/// of one grain.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    /// <summary>Fixed, so that a silo started later on the same tables finds the reminders of an earlier one.</summary>
    public const string ServiceId = "booking-tests";

    private readonly InProcessTestCluster _cluster;

    private TestSilo(InProcessTestCluster cluster, string tablePrefix)
    {
        _cluster = cluster;
        TablePrefix = tablePrefix;
    }

    public string TablePrefix { get; }

    public IServiceProvider Services => _cluster.Silos[0].ServiceProvider;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public InProcessTestCluster Cluster => _cluster;

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10] + "-";

    public static async Task<TestSilo> StartAsync(
        TimeProvider? timeProvider = null,
        string? tablePrefix = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var endpoint = await LocalAws.DynamoDbAsync();
        tablePrefix ??= NewTablePrefix();
        var config = new Dictionary<string, string?>
        {
            ["DynamoDb:ServiceUrl"] = endpoint.ToString(),
            ["DynamoDb:TablePrefix"] = tablePrefix,
            ["Reminders:MinimumReminderPeriod"] = "00:00:01",
            ["Reminders:RefreshReminderListPeriod"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(config);
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            if (Environment.GetEnvironmentVariable("TEST_SILO_LOGS") != "1") host.Logging.ClearProviders();
            if (timeProvider is not null) GrainClock.Use(host.Services, timeProvider);
            configureServices?.Invoke(host.Services);
        });
        builder.ConfigureSilo((_, silo) => silo.AddBookingGrains(silo.Configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(cluster, tablePrefix);
    }

    /// <summary>Stops the silo abruptly, as a crash would: no deactivation, nothing flushed.</summary>
    public Task KillAsync() => _cluster.KillSiloAsync(_cluster.Silos[0]);

    public async Task StopAsync() => await _cluster.StopAllSilosAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
