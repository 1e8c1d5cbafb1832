using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using OrleansDynamoDb.Client;
using OrleansDynamoDb.Clustering;
using TestKit;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>Real silos and a client that find each other only through the DynamoDB membership table.</summary>
public sealed class TwoSiloClusterTests
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TwoSilosSeeEachOtherAndAClientConnectsThroughTheGatewayList()
    {
        var (_, options) = await DynamoDbLocal.FreshAsync();
        var clusterId = MembershipTableUnderTest.NewClusterId();
        var silos = new List<IHost>();
        IHost? client = null;
        try
        {
            var starting = new[] { StartSiloAsync(options, clusterId), StartSiloAsync(options, clusterId) };
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                silos.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            var addresses = silos.Select(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).ToHashSet();
            await Eventually.WaitUntilAsync(
                async () =>
                {
                    foreach (var silo in silos)
                    {
                        var seen = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                        if (!seen.Keys.ToHashSet().SetEquals(addresses)) return false;
                    }

                    return true;
                },
                "both silos see each other Active",
                _deadline);

            client = await StartClientAsync(options, clusterId);
            var active = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.True(active.Keys.ToHashSet().SetEquals(addresses), $"the client sees {string.Join(", ", active.Keys)}");
        }
        finally
        {
            // The client first, then the silos together, so neither silo waits on a peer that already left.
            if (client is not null) await StopAsync(client);
            await Task.WhenAll(silos.Select(StopAsync));
        }
    }

    private static async Task<IHost> StartSiloAsync(DynamoDbOptions options, string clusterId)
    {
        var builder = NewBuilder();
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(cluster => Name(cluster, clusterId))
            .ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next())
            .UseDynamoDbClustering(dynamo => SameTables(dynamo, options)));
        return await StartAsync(builder.Build());
    }

    private static async Task<IHost> StartClientAsync(DynamoDbOptions options, string clusterId)
    {
        var builder = NewBuilder();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(cluster => Name(cluster, clusterId))
            .UseDynamoDbClustering(dynamo => SameTables(dynamo, options)));
        return await StartAsync(builder.Build());
    }

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    private static async Task<IHost> StartAsync(IHost host)
    {
        using var start = new CancellationTokenSource(_deadline);
        try
        {
            await host.StartAsync(start.Token);
            return host;
        }
        catch
        {
            await StopAsync(host);
            throw;
        }
    }

    // Best effort: a clean-up error must not hide the test's own failure, and a silo that failed to
    // start can ignore the stop token for minutes, so it is abandoned to the process exit instead.
    private static async Task StopAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(_stopTimeout);
        try
        {
            await host.StopAsync(stop.Token).WaitAsync(_stopTimeout);
        }
        catch (TimeoutException)
        {
            return;
        }
        catch (Exception)
        {
        }

        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
    }

    private static void Name(ClusterOptions cluster, string clusterId)
    {
        cluster.ClusterId = clusterId;
        cluster.ServiceId = "membership-tests";
    }

    private static void SameTables(DynamoDbOptions dynamo, DynamoDbOptions options)
    {
        dynamo.ServiceUrl = options.ServiceUrl;
        dynamo.TablePrefix = options.TablePrefix;
    }
}
