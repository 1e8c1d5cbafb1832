using System.Diagnostics;
using System.Text.Json.Serialization;
using Api.Auth;
using Api.Browser;
using Api.Holds;
using Api.Json;
using Api.Problems;
using Api.RateLimits;
using Microsoft.AspNetCore.Http.Json;

namespace Api.Hosting;

public static class BookingApiServiceExtensions
{
    /// <summary>The HTTP side: JSON contracts, problem details, authentication, OpenAPI and metrics.</summary>
    public static WebApplicationBuilder AddBookingApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(ConfigureJson);

        // Unreadable bodies throw BadHttpRequestException so BadRequestExceptionHandler can name
        // the problem, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<GrainUnavailableExceptionHandler>();

        services.AddBookingAuth(builder.Configuration);
        services.AddBookingRateLimits(builder.Configuration);
        services.AddBrowserAccess(builder.Configuration);
        services.AddHoldBatching(builder.Configuration);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);
        services.AddBookingTelemetry(builder.Configuration);
        return builder;
    }

    private static void ConfigureJson(JsonOptions options)
    {
        options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);

        // A misspelled field is refused rather than silently ignored.
        options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
