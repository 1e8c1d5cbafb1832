using Api.Auth;
using Api.Problems;
using Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Cluster;

/// <summary>The operator's view, from Orleans' management grain: silos, their status, heartbeat age and activation counts.</summary>
public static class ClusterApi
{
    public static RouteGroupBuilder MapClusterApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cluster", GetCluster).RequireAuthorization(Policies.Organizer).WithTags("Cluster");
        return api;
    }

    private static async Task<Ok<ClusterResponse>> GetCluster(IGrainFactory grains, IOptions<ClusterHostingOptions> cluster, TimeProvider time)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await GrainCall.Retry(() => management.GetDetailedHosts(onlyActive: false));
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var counts = await Task.WhenAll(active.Select(silo => ActivationCountAsync(management, silo)));
        var activations = active.Zip(counts).ToDictionary(p => p.First, p => p.Second);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ClusterResponse
        {
            Mode = cluster.Value.Mode.ToString(),
            Silos = hosts
                .Where(h => h.Status != SiloStatus.Dead || now - ToOffset(h.IAmAliveTime) < TimeSpan.FromMinutes(10))
                .OrderBy(h => h.SiloName, StringComparer.Ordinal)
                .Select(h => new SiloResponse
                {
                    SiloId = h.SiloName,
                    Address = h.SiloAddress.Endpoint.ToString(),
                    Status = h.Status.ToString(),
                    HeartbeatAgeSeconds = Math.Max(0, Math.Round((now - ToOffset(h.IAmAliveTime)).TotalSeconds, 1)),
                    Activations = activations.GetValueOrDefault(h.SiloAddress),
                    StartedAt = ToOffset(h.StartTime),
                })
                .ToList(),
        });
    }

    /// <summary>
    /// Asked silo by silo: a silo that just crashed is still Active until the others declare it
    /// dead, and its missing count must not hide the rest of the cluster from the operator.
    /// </summary>
    private static async Task<int> ActivationCountAsync(IManagementGrain management, SiloAddress silo)
    {
        try
        {
            return (await management.GetRuntimeStatistics([silo]))[0].ActivationCount;
        }
        catch (Exception e) when (GrainCall.IsUnavailable(e))
        {
            return 0;
        }
    }

    private static DateTimeOffset ToOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
