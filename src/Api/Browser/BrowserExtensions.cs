using Microsoft.Extensions.Options;

namespace Api.Browser;

public static class BrowserExtensions
{
    public const string CorsPolicy = "front-end";

    /// <summary>
    /// A CORS policy for the configured front-end origins: bearer tokens in the Authorization header
    /// (no cookies, so no credentials mode), JSON bodies, Idempotency-Key; Location and Retry-After readable.
    /// </summary>
    public static IServiceCollection AddBrowserAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BrowserOptions>().Bind(configuration.GetSection(BrowserOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrowserOptions>, BrowserOptionsValidator>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<BrowserOptions>>((cors, browser) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(browser.Value.Origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key")
                .WithExposedHeaders("Location", "Retry-After")
                .SetPreflightMaxAge(browser.Value.PreflightMaxAge)));
        return services;
    }

    /// <summary>CORS only when origins are configured (a same-origin deployment pays nothing); before authentication, so preflights need no token.</summary>
    public static WebApplication UseBrowserAccess(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BrowserOptions>>().Value.Origins.Length > 0) app.UseCors(CorsPolicy);
        return app;
    }
}
