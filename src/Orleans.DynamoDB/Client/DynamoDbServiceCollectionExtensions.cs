using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansDynamoDb.Client;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DynamoDbOptions"/> (bound from the "DynamoDb" section when a configuration
    /// is given, validated at start-up) and the one <see cref="IAmazonDynamoDB"/> every provider of the
    /// process shares. Safe to call once per provider: later calls only add their configuration.
    /// </summary>
    public static IServiceCollection AddDynamoDbClient(this IServiceCollection services, IConfiguration? configuration = null, Action<DynamoDbOptions>? configure = null)
    {
        var options = services.AddOptions<DynamoDbOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(DynamoDbOptions.SectionName));
        if (configure is not null) options.Configure(configure);
        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IAmazonDynamoDB>(sp => DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<DynamoDbOptions>>().Value));
        return services;
    }
}
