using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansDynamoDb.Client;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DynamoDbOptions"/> (bound from the "DynamoDb" section when a configuration
    /// is given, validated at start-up) and the one <see cref="IAmazonDynamoDB"/> every provider of the
    /// process shares. Every provider calls it: the first call binds and validates, later calls only
    /// add their <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddDynamoDbClient(this IServiceCollection services, IConfiguration? configuration = null, Action<DynamoDbOptions>? configure = null)
    {
        var options = services.AddOptions<DynamoDbOptions>();
        if (!services.Any(d => d.ServiceType == typeof(IAmazonDynamoDB)))
        {
            if (configuration is not null) options.Bind(configuration.GetSection(DynamoDbOptions.SectionName));
            options.ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<IAmazonDynamoDB>(sp => DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<DynamoDbOptions>>().Value));
        }

        if (configure is not null) options.Configure(configure);
        return services;
    }
}
