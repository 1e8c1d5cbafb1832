using Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Runtime.Cluster;

namespace Api.Cluster;

/// <summary>The operator's view: silos, their status, heartbeat age and activation counts.</summary>
public static class ClusterApi
{
    public static RouteGroupBuilder MapClusterApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cluster", GetCluster).RequireAuthorization(Policies.Organizer).WithTags("Cluster");
        return api;
    }

    private static async Task<Ok<ClusterResponse>> GetCluster(IClusterInspector inspector, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var silos = await inspector.GetSilosAsync(cancellationToken);
        return TypedResults.Ok(new ClusterResponse
        {
            Mode = inspector.Mode.ToString(),
            Silos = silos.Select(s => new SiloResponse
            {
                SiloId = s.SiloId,
                Address = s.Address,
                Status = s.Status.ToString(),
                HeartbeatAgeSeconds = Math.Max(0, Math.Round((now - s.HeartbeatAt).TotalSeconds, 1)),
                Activations = s.Activations,
                StartedAt = s.StartedAt,
            }).ToList(),
        });
    }
}
