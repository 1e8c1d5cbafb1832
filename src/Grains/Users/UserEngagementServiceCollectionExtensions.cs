using Grains.Email;
using Grains.Email.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansDynamoDb.Client;

namespace Grains.Users;

public static class UserEngagementServiceCollectionExtensions
{
    /// <summary>
    /// Users and email: the filter index and email tracking stores (tables created at start-up when
    /// DynamoDb:CreateTables), <see cref="IUserDirectory"/>, and the SES sender if none is registered.
    /// Options: "Users" (<see cref="UserDirectoryOptions"/>) and "Email" (<see cref="EmailOptions"/>).
    /// The grains themselves (UserGrain, EmailGrain, CampaignGrain, EmailAddressGrain) are found by
    /// Orleans in the Grains assembly.
    /// </summary>
    public static IServiceCollection AddUserEngagement(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<UserDirectoryOptions>().Bind(configuration.GetSection(UserDirectoryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.IsWellFormedUriString(o.TrackingBaseUrl, UriKind.Absolute), "Email:TrackingBaseUrl must be an absolute URL.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero && o.PendingRetryDelay > TimeSpan.Zero && o.SendingLease > TimeSpan.Zero, "Email:RetryDelay must not be negative; Email:PendingRetryDelay and Email:SendingLease must be positive.")
            .ValidateOnStart();
        services.AddDynamoDbClient(configuration);
        if (!services.Any(d => d.ServiceType == typeof(IEmailSender))) services.AddSesEmail(configuration);
        services.TryAddSingleton<UserIndexStore>();
        services.TryAddSingleton<EmailTrackingStore>();
        services.TryAddSingleton<IUserDirectory, UserDirectory>();
        services.AddHostedService<UserEngagementTables>();
        return services;
    }
}
