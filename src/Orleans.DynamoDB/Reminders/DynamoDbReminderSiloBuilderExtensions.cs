using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Reminders;

public static class DynamoDbReminderSiloBuilderExtensions
{
    /// <summary>
    /// Adds Orleans' reminder service with its table on DynamoDB. The reminder service starts the
    /// table (<see cref="IReminderTable.StartAsync"/>), which creates it when <see cref="DynamoDbOptions.CreateTables"/>.
    /// </summary>
    public static ISiloBuilder UseDynamoDbReminderService(this ISiloBuilder builder, Action<DynamoDbOptions>? configure = null)
    {
        builder.AddReminders();
        builder.Services.AddDynamoDbClient(builder.Configuration, configure);
        builder.Services.AddSingleton<IReminderTable, DynamoDbReminderTable>();
        return builder;
    }
}
