using OpenTelemetry;
using OpenTelemetry.Metrics;
using Runtime.Diagnostics;

namespace Api.Hosting;

/// <summary>
/// Exports the runtime's and ASP.NET Core's metrics over OTLP for the life of the host. Built by
/// hand because the OpenTelemetry hosting package is not available; the exporter reads
/// OTEL_EXPORTER_OTLP_* itself.
/// </summary>
internal sealed class MetricsExporter : IHostedService, IDisposable
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private MeterProvider? _provider;

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointVariable]);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(RuntimeMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddOtlpExporter()
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Flushes the last interval before the process goes away.
        _provider?.Dispose();
        _provider = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _provider?.Dispose();
}
