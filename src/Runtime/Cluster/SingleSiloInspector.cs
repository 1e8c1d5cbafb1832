using Runtime.Activation;

namespace Runtime.Cluster;

/// <summary>One-process mode: the only silo is this process.</summary>
internal sealed class SingleSiloInspector(GrainRuntime runtime) : IClusterInspector
{
    private readonly DateTimeOffset _startedAt = runtime.TimeProvider.GetUtcNow();

    public ClusterMode Mode => ClusterMode.OneProcess;

    public Task<IReadOnlyList<SiloRecord>> GetSilosAsync(CancellationToken cancellationToken)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        IReadOnlyList<SiloRecord> silos =
        [
            new SiloRecord
            {
                SiloId = "local",
                Address = "in-process",
                Generation = _startedAt.ToUnixTimeMilliseconds(),
                Status = SiloStatus.Active,
                HeartbeatAt = now,
                StartedAt = _startedAt,
                Activations = runtime.Catalog.Count,
            },
        ];
        return Task.FromResult(silos);
    }
}
