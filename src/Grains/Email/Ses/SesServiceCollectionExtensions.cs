using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grains.Email.Ses;

/// <summary>Registers the SES v2 email sender.</summary>
public static class SesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SesOptions"/> from the <c>Ses</c> section, validates them when the host starts, and
    /// registers <see cref="SesV2EmailSender"/> as a typed <see cref="HttpClient"/> client, also as <see cref="IEmailSender"/>.
    /// </summary>
    public static IServiceCollection AddSesEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SesOptions>()
            .Bind(configuration.GetSection(SesOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SesOptions>, SesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The sender enforces SesOptions.Timeout itself, to report it as a retriable rejection.
        services.AddHttpClient<SesV2EmailSender>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddTransient<IEmailSender>(sp => sp.GetRequiredService<SesV2EmailSender>());
        return services;
    }
}
