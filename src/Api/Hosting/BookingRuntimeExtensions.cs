using System.Text.Json.Serialization.Metadata;
using Grains.Abstractions;
using Grains.Hosting;
using Grains.Users;
using Runtime.Cluster;

namespace Api.Hosting;

public static class BookingRuntimeExtensions
{
    /// <summary>
    /// Where the grains run, from Cluster:Mode. OneProcess (default): this process is also the
    /// silo. Client: the API calls a separate silo cluster found through the membership table.
    /// </summary>
    public static WebApplicationBuilder AddBookingRuntime(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetSection(ClusterOptions.SectionName).Get<ClusterOptions>()?.Mode ?? ClusterMode.OneProcess;
        switch (mode)
        {
            case ClusterMode.OneProcess:
                builder.Services.AddBookingGrains(builder.Configuration);
                break;
            case ClusterMode.Client:
                builder.Services.AddSingleton<IJsonTypeInfoResolver>(BookingJsonContext.Default);
                builder.Services.AddClusterClient(builder.Configuration);

                // The user filter and email statistics read their DynamoDB tables directly.
                builder.Services.AddUserEngagement(builder.Configuration);
                break;
            default:
                throw new InvalidOperationException($"Cluster:Mode is {mode}; the API runs as OneProcess or Client (silos run src/Silo).");
        }

        return builder;
    }
}
