using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Bearer JWT authentication that stays cheap at tens of thousands of requests per second with
    /// either issuer (OIDC or the HMAC development issuer): claims kept as issued, the token not
    /// copied into the authentication properties, and validated tokens remembered until they expire.
    /// </summary>
    public static IServiceCollection AddBookingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();

        services.AddSingleton<OidcRoleMapping>();
        services.AddSingleton(provider => new CachingTokenHandler(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<OidcRoleMapping>().Map));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, BearerOptionsSetup>();

        // After the handler's own post-configuration, which builds the configuration manager.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, BearerOptionsSetup.ForgetRetiredKeys);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Organizer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Organizer, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return services;
    }
}
