using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Storage;

public static class DynamoDbGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Registers DynamoDB grain storage under <paramref name="name"/>, so <c>[PersistentState("state", name)]</c>
    /// resolves to it. The table is created when the silo starts if <see cref="DynamoDbOptions.CreateTables"/>.
    /// The options (and the client) are the process-wide ones from <c>AddDynamoDbClient</c>; <paramref name="configure"/> adds to them.
    /// </summary>
    public static ISiloBuilder AddDynamoDbGrainStorage(this ISiloBuilder builder, string name, Action<DynamoDbOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddDynamoDbClient(builder.Configuration, configure);
        builder.Services.AddGrainStorage(name, Create);
        return builder;
    }

    /// <summary>Registers DynamoDB grain storage as the default provider (used by <c>[PersistentState("state")]</c> without a name).</summary>
    public static ISiloBuilder AddDynamoDbGrainStorageAsDefault(this ISiloBuilder builder, Action<DynamoDbOptions>? configure = null) =>
        builder.AddDynamoDbGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    // As Orleans' own providers do: a serializer registered under the provider's name wins over the silo-wide default.
    private static DynamoDbGrainStorage Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IAmazonDynamoDB>(),
        services.GetRequiredService<IOptions<DynamoDbOptions>>().Value,
        services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>(),
        services.GetRequiredService<IActivatorProvider>(),
        services.GetRequiredService<ILogger<DynamoDbGrainStorage>>());
}
