using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Runtime.Activation;
using Runtime.Cluster;
using Runtime.Invocation;
using Runtime.Reminders;
using Runtime.Storage;
using Runtime.Storage.DynamoDb;

namespace Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo: activations of the grains found in <paramref name="grainAssemblies"/>, DynamoDB
    /// storage, reminders and health checks. Options come from the "Runtime", "Reminders" and
    /// "DynamoDb" configuration sections and are validated at start-up.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration, params Assembly[] grainAssemblies)
    {
        services.AddOptions<GrainRuntimeOptions>().Bind(configuration.GetSection(GrainRuntimeOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.IdleAge > TimeSpan.Zero && o.CollectionPeriod > TimeSpan.Zero, "Runtime:IdleAge and Runtime:CollectionPeriod must be positive.")
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.SectionName))
            .Validate(o => o.ScanPeriod > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero, "Reminders:ScanPeriod and Reminders:RetryDelay must be positive.")
            .ValidateOnStart();
        services.AddOptions<DynamoDbOptions>().Bind(configuration.GetSection(DynamoDbOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ResolvedServiceUrl is null || Uri.IsWellFormedUriString(o.ResolvedServiceUrl, UriKind.Absolute), "DynamoDb:ServiceUrl must be an absolute URL.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonDynamoDB>(sp => DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<DynamoDbOptions>>().Value));
        services.AddHostedService<DynamoDbTables>();
        services.TryAddSingleton<IGrainStorage, DynamoDbGrainStorage>();
        services.TryAddSingleton<IJournalStorage, DynamoDbJournalStorage>();
        services.TryAddSingleton<IReminderTable, DynamoDbReminderTable>();
        services.TryAddSingleton<IGrainOwnership, SingleSiloOwnership>();

        var registry = new GrainTypeRegistry();
        foreach (var assembly in grainAssemblies) registry.AddAssembly(assembly);
        services.AddSingleton(registry);
        services.TryAddSingleton(sp => new GrainStateSerializer(sp.GetServices<IJsonTypeInfoResolver>()));
        services.AddSingleton<ReminderRegistry>();
        services.AddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainCallRouter>(sp => new LocalCallRouter(sp.GetRequiredService<GrainRuntime>()));
        services.AddSingleton<IGrainFactory>(sp => new GrainFactory(registry, new Lazy<IGrainCallRouter>(sp.GetRequiredService<IGrainCallRouter>)));
        services.TryAddSingleton<IClusterInspector, SingleSiloInspector>();
        services.AddSingleton<GrainRuntimeHost>();
        services.AddHostedService(sp => sp.GetRequiredService<GrainRuntimeHost>());
        services.AddHostedService<ReminderService>();
        services.AddHealthChecks().AddCheck<RuntimeReadinessCheck>("grain-runtime", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
