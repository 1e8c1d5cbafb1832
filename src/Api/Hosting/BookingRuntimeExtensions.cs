using Grains.Hosting;
using Grains.Users;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using OrleansDynamoDb.Clustering;

namespace Api.Hosting;

public static class BookingRuntimeExtensions
{
    /// <summary>
    /// Where the grains run, from Cluster:Mode. OneProcess (default): this process is also a silo.
    /// Client: the API is an Orleans client of a separate silo cluster, whose gateways it finds in
    /// the DynamoDB membership table.
    /// </summary>
    public static WebApplicationBuilder AddBookingRuntime(this WebApplicationBuilder builder)
    {
        var cluster = ValidatedSection.Get<ClusterHostingOptions>(builder.Configuration, ClusterHostingOptions.SectionName);
        builder.Services.AddSingleton(Options.Create(cluster));
        switch (cluster.Mode)
        {
            case ClusterMode.OneProcess:
                builder.AddBookingSilo();
                break;
            case ClusterMode.Client:
                builder.UseOrleansClient(client =>
                {
                    client.Configure<ClusterOptions>(cluster.ApplyTo);
                    client.UseDynamoDbClustering();
                    if (DashboardSettings.IsEnabled(builder.Configuration)) client.AddDashboard();

                    // A call in flight through a gateway that dies is answered by nobody: it fails
                    // after this timeout and GrainCall retries it elsewhere (Orleans' default: 30 s).
                    client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
                    client.Configure<ClientMessagingOptions>(builder.Configuration.GetSection("Messaging"));
                });

                // The user filter and email statistics read their DynamoDB tables directly.
                builder.Services.AddUserEngagement(builder.Configuration);
                builder.Services.AddHealthChecks();
                break;
            default:
                throw new InvalidOperationException($"Cluster:Mode is {cluster.Mode}; the API runs as OneProcess or Client (silos run src/Silo).");
        }

        return builder;
    }
}
