using Grains.Email.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Hosting;

namespace Grains.Hosting;

public static class BookingGrainsServiceCollectionExtensions
{
    /// <summary>Everything a silo needs to host the booking grains: the runtime on DynamoDB, and email.</summary>
    public static IServiceCollection AddBookingGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGrainRuntime(configuration, typeof(BookingGrainsServiceCollectionExtensions).Assembly);
        services.AddSesEmail(configuration);
        return services;
    }
}
