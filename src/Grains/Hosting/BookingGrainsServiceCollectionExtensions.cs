using System.Text.Json.Serialization.Metadata;
using Grains.Abstractions;
using Grains.Email.Ses;
using Grains.Events;
using Grains.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;

namespace Grains.Hosting;

public static class BookingGrainsServiceCollectionExtensions
{
    /// <summary>Everything a silo needs to host the booking grains: the runtime on DynamoDB, and email.</summary>
    public static IServiceCollection AddBookingGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IJsonTypeInfoResolver>(BookingJsonContext.Default);
        services.AddGrainRuntime(configuration, typeof(BookingGrainsServiceCollectionExtensions).Assembly);
        services.AddOptions<EventGrainOptions>().Bind(configuration.GetSection(EventGrainOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MaxHoldLifetime > TimeSpan.Zero && o.ExpirySweepPeriod > TimeSpan.Zero && o.RecoveryReminderPeriod > TimeSpan.Zero && o.OutboxRetryDelay > TimeSpan.Zero, "Events: time settings must be positive.")
            .ValidateOnStart();
        services.AddSesEmail(configuration);
        services.AddUserEngagement(configuration);
        return services;
    }
}
