using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansDynamoDb.Client;
using OrleansDynamoDb.Reminders;
using OrleansDynamoDb.Storage;
using TestKit;
using Xunit;

namespace OrleansDynamoDb.Tests.Storage;

/// <summary>
/// One in-process silo for the class: localhost clustering on free ports, the DynamoDB grain storage
/// registered as "dynamo", and the DynamoDB reminder service with a 1 s minimum period.
/// </summary>
public sealed class SiloUnderTest : IAsyncLifetime
{
    public const string StorageName = "dynamo";

    private IHost? _host;

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The silo is not started.")).Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public DynamoDbOptions Options { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var (_, fresh) = await DynamoDbLocal.FreshAsync();
        Options = fresh;
        void Configure(DynamoDbOptions o)
        {
            o.ServiceUrl = fresh.ServiceUrl;
            o.TablePrefix = fresh.TablePrefix;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort.Next(), gatewayPort: FreePort.Next())
            .AddDynamoDbGrainStorage(StorageName, Configure)
            .UseDynamoDbReminderService(Configure)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
    }
}
