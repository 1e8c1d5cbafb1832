using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Journal;

public static class DynamoDbJournalServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJournalStorage"/> on DynamoDB (with the shared client and options from
    /// <c>AddDynamoDbClient</c>) and the creation of its tables at start-up when <see cref="DynamoDbOptions.CreateTables"/>.
    /// </summary>
    public static IServiceCollection AddDynamoDbJournalStorage(this IServiceCollection services, IConfiguration? configuration = null, Action<DynamoDbOptions>? configure = null)
    {
        services.AddDynamoDbClient(configuration, configure);
        services.TryAddSingleton<IJournalStorage, DynamoDbJournalStorage>();
        if (services.Any(s => s.ServiceType == typeof(DynamoDbJournalTables))) return services;
        services.AddSingleton<DynamoDbJournalTables>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DynamoDbJournalTables>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DynamoDbJournalTables>());
        return services;
    }
}
