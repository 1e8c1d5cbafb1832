namespace Runtime.Cluster;

/// <summary>What operators see of the cluster: every silo's row, freshly read.</summary>
public interface IClusterInspector
{
    ClusterMode Mode { get; }

    Task<IReadOnlyList<SiloRecord>> GetSilosAsync(CancellationToken cancellationToken);
}
