using Grains.Catalogue;
using Grains.Email.Ses;
using Grains.Events;
using Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using OrleansDynamoDb.Journal;
using OrleansDynamoDb.Reminders;
using OrleansDynamoDb.Storage;

namespace Grains.Hosting;

public static class BookingGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Everything a silo needs to host the booking grains: DynamoDB grain storage, reminders and the
    /// event journal, the grains' options, and email. Clustering is the host's choice.
    /// </summary>
    public static ISiloBuilder AddBookingGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddDynamoDbGrainStorage(GrainStorageNames.Grains);
        silo.UseDynamoDbReminderService();
        silo.Configure<ReminderOptions>(configuration.GetSection("Reminders"));

        var services = silo.Services;
        services.AddDynamoDbJournalStorage(configuration);

        // Grain states are [GenerateSerializer] types: Orleans' own binary format, versioned by their [Id]s.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        services.AddOptions<EventGrainOptions>().Bind(configuration.GetSection(EventGrainOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MaxHoldLifetime > TimeSpan.Zero && o.ExpirySweepPeriod > TimeSpan.Zero && o.RecoveryReminderPeriod > TimeSpan.Zero && o.OutboxRetryDelay > TimeSpan.Zero, "Events: time settings must be positive.")
            .ValidateOnStart();
        services.AddOptions<CatalogueOptions>().Bind(configuration.GetSection(CatalogueOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.PollPeriod > TimeSpan.Zero && o.AvailabilityPushPeriod > TimeSpan.Zero, "Catalogue: PollPeriod and AvailabilityPushPeriod must be positive.")
            .ValidateOnStart();
        services.AddSingleton<CatalogueReplica>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogueReplica>());
        services.AddSesEmail(configuration);
        services.AddUserEngagement(configuration);
        return silo;
    }
}
