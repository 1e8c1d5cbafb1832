using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Runtime.Hosting;

/// <summary>Ready once the tables exist and the silo accepts activations.</summary>
internal sealed class RuntimeReadinessCheck(GrainRuntimeHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Started ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The grain runtime is not started."));
}
