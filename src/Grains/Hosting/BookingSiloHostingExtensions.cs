using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using OrleansDynamoDb.Clustering;

namespace Grains.Hosting;

public static class BookingSiloHostingExtensions
{
    /// <summary>
    /// Makes this process an Orleans silo of the booking cluster: DynamoDB membership, the endpoints
    /// of "Silo", failure detection tuned to declare a killed silo dead within seconds (overridable
    /// under "Membership"), the booking grains, the dashboard's silo side and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddBookingSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = ValidatedSection.Get<ClusterHostingOptions>(configuration, ClusterHostingOptions.SectionName);
        var endpoints = ValidatedSection.Get<SiloEndpointOptions>(configuration, SiloEndpointOptions.SectionName);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster.ApplyTo);
            silo.ConfigureEndpoints(endpoints.ResolveAdvertisedAddress(), endpoints.Port, endpoints.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseDynamoDbClustering();
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A killed silo stops answering probes at once: two missed 1 s probes make a
                // suspicion, two suspicions (or all other silos, when fewer) make it dead.
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            });
            silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Membership"));
            silo.AddBookingGrains(configuration);
            if (DashboardSettings.IsEnabled(configuration)) silo.AddDashboard();
        });
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
