using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Runtime.Cluster;

/// <summary>A client is ready when it knows at least one active silo.</summary>
internal sealed class ClusterReadinessCheck(ClusterMembership membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.View.Active.Count > 0
            ? HealthCheckResult.Healthy($"{membership.View.Active.Count} active silos")
            : HealthCheckResult.Unhealthy("No active silo is known yet."));
}
