using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime;
using Runtime.Hosting;

namespace TestKit;

/// <summary>An in-process silo on DynamoDB Local with its own table prefix, for grain tests.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(IHost host, string tablePrefix)
    {
        Host = host;
        TablePrefix = tablePrefix;
    }

    public IHost Host { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => Host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10] + "-";

    public static async Task<TestSilo> StartAsync(
        Assembly grainAssembly,
        TimeProvider? timeProvider = null,
        string? tablePrefix = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var endpoint = await LocalAws.DynamoDbAsync();
        tablePrefix ??= NewTablePrefix();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["DynamoDb:ServiceUrl"] = endpoint.ToString(),
            ["DynamoDb:TablePrefix"] = tablePrefix,
            ["Reminders:ScanPeriod"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("TEST_SILO_LOGS") == "1") builder.Logging.AddConsole();
        if (timeProvider is not null) builder.Services.AddSingleton(timeProvider);
        builder.Services.AddGrainRuntime(builder.Configuration, grainAssembly);
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, tablePrefix);
    }

    public async Task StopAsync() => await Host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }
}
