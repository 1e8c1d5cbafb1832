using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Bearer JWT authentication that stays cheap at tens of thousands of requests per second: a
    /// symmetric key held in memory, no metadata endpoint, claims kept as issued, the token not
    /// copied into the authentication properties, and validated tokens remembered until they expire.
    /// </summary>
    public static IServiceCollection AddBookingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton(provider => new CachingTokenHandler(provider.GetRequiredService<TimeProvider>()));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKey, TimeProvider, CachingTokenHandler>((jwt, auth, key, time, tokens) =>
            {
                var settings = auth.Value;
                jwt.MapInboundClaims = false;
                jwt.SaveToken = false;
                jwt.RefreshOnIssuerKeyNotFound = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(tokens);
                jwt.Events = new JwtBearerEvents
                {
                    // A token seen before answers here, before the handler's per-request set-up.
                    OnMessageReceived = context =>
                    {
                        if (tokens.TryAuthenticate(context.Request.Headers.Authorization, out var principal))
                        {
                            context.Principal = principal;
                            context.Success();
                        }

                        return Task.CompletedTask;
                    },
                };
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = TokenClaims.Subject,
                    RoleClaimType = TokenClaims.Role,
                    RequireExpirationTime = true,
                    ClockSkew = settings.ClockSkew,
                    // Lifetimes follow the injected clock, like everything else in the system.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return expires is { } end && now < end + parameters.ClockSkew
                            && (notBefore is not { } start || now >= start - parameters.ClockSkew);
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Organizer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Organizer, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return services;
    }
}
