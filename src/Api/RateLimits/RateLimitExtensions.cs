using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Api.RateLimits;

public static class RateLimitExtensions
{
    /// <summary>The per-user mutation policy and the per-address limiter of requests without a valid token.</summary>
    public static IServiceCollection AddBookingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<MutationPartitioner>();
        services.AddSingleton<AddressPartitioner>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<MutationPartitioner, AddressPartitioner>((limiter, mutations, addresses) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = TooManyRequests.WriteAsync;
            limiter.AddPolicy(RateLimitPolicies.Mutations, mutations.Partition);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(addresses.Partition);
        });
        return services;
    }

    /// <summary>
    /// Behind a load balancer the client address is the last X-Forwarded-For entry and the scheme the
    /// client used is X-Forwarded-Proto (for HSTS); must run first.
    /// </summary>
    public static WebApplication UseClientAddress(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.TrustForwardedFor) return app;

        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        // Whoever connects is the load balancer: the security group admits nobody else.
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        app.UseForwardedHeaders(forwarded);
        return app;
    }

    /// <summary>After authentication (limits key on the caller), before authorization (a refused token is counted too).</summary>
    public static WebApplication UseBookingRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled) app.UseRateLimiter();
        return app;
    }
}
