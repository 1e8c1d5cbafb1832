using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grains.Hosting;

/// <summary>Ready once Orleans has declared this silo Active in the membership table.</summary>
internal sealed class SiloReadinessCheck(ILocalSiloDetails local, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"This silo is {status}."));
    }
}
