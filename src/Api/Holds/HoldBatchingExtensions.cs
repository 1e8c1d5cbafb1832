using Microsoft.Extensions.Options;

namespace Api.Holds;

public static class HoldBatchingExtensions
{
    public static IServiceCollection AddHoldBatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HoldBatchingOptions>().Bind(configuration.GetSection(HoldBatchingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HoldBatchingOptions>, HoldBatchingOptionsValidator>();
        services.AddSingleton<EventHoldCalls>();
        return services;
    }
}
