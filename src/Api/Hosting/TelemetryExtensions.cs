using Grains.Events;
using OpenTelemetry.Metrics;

namespace Api.Hosting;

public static class TelemetryExtensions
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Exports the engine's, Orleans' and ASP.NET Core's metrics over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the other OTEL_* settings itself).
    /// </summary>
    public static IServiceCollection AddBookingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable])) return services;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(EventMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter());
        return services;
    }
}
