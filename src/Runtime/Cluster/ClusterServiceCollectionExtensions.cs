using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Cluster.Messaging;
using Runtime.Hosting;
using Runtime.Invocation;
using Runtime.Reminders;
using Runtime.Storage;
using Runtime.Storage.DynamoDb;

namespace Runtime.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>Makes this grain runtime a member of a silo cluster (call after AddGrainRuntime).</summary>
    public static IServiceCollection AddSiloClustering(this IServiceCollection services, IConfiguration configuration)
    {
        AddClusterOptions(services, configuration);
        services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LocalSilo(sp.GetRequiredService<IOptions<SiloOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IGrainOwnership, ClusterOwnership>());
        services.Replace(ServiceDescriptor.Singleton<IGrainCallRouter>(sp => new ClusterCallRouter(
            sp.GetRequiredService<ClusterMembership>(),
            sp.GetRequiredService<LocalSilo>(),
            sp.GetRequiredService<GrainRuntime>(),
            sp.GetRequiredService<CallCodec>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ClusterCallRouter>>())));
        services.AddHostedService<MembershipAgent>();
        return services;
    }

    /// <summary>A process that calls grains on silos but hosts none (the API in Client mode).</summary>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, IConfiguration configuration)
    {
        AddClusterOptions(services, configuration);
        services.AddOptions<DynamoDbOptions>().Bind(configuration.GetSection(DynamoDbOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonDynamoDB>(sp => DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<DynamoDbOptions>>().Value));
        services.TryAddSingleton(new GrainTypeRegistry());
        services.TryAddSingleton(sp => new GrainStateSerializer(sp.GetServices<IJsonTypeInfoResolver>()));
        services.TryAddSingleton<IGrainCallRouter>(sp => new ClusterCallRouter(
            sp.GetRequiredService<ClusterMembership>(),
            null,
            null,
            sp.GetRequiredService<CallCodec>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ClusterCallRouter>>()));
        services.TryAddSingleton<IGrainFactory>(sp => new GrainFactory(sp.GetRequiredService<GrainTypeRegistry>(), new Lazy<IGrainCallRouter>(sp.GetRequiredService<IGrainCallRouter>)));
        services.AddHostedService<MembershipReader>();
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Silo endpoints: grain calls over the silo protocol on Silo:Port, health over HTTP/1.1 on
    /// Silo:HealthPort. Call before the grain runtime is added, so calls are taken until it stopped.
    /// </summary>
    public static WebApplicationBuilder UseSiloEndpoints(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(options.HealthPort, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddSingleton<GrainCallHandler>();
        builder.Services.AddHostedService<GrainCallListener>();
        return builder;
    }

    private static void AddClusterOptions(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.Secret), "Cluster:Secret is required when silos and clients talk to each other.")
            .Validate(o => o.RefreshPeriod > TimeSpan.Zero && o.DeadAfter > o.RefreshPeriod, "Cluster:DeadAfter must exceed Cluster:RefreshPeriod.")
            .ValidateOnStart();
        services.TryAddSingleton<IMembershipTable, DynamoDbMembershipTable>();
        services.TryAddSingleton<ClusterMembership>();
        services.TryAddSingleton<CallCodec>();
        services.Replace(ServiceDescriptor.Singleton<IClusterInspector, MembershipInspector>());
    }
}
