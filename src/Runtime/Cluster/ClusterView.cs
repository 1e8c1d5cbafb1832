namespace Runtime.Cluster;

/// <summary>
/// The active silos as last read from the membership table. Placement is rendezvous hashing:
/// every process that reads the same rows computes the same owner for a grain, and when a silo
/// joins or leaves only the grains it wins or held move.
/// </summary>
public sealed class ClusterView
{
    public static readonly ClusterView Empty = new([], 0);

    public ClusterView(IReadOnlyList<SiloRecord> silos, long version)
    {
        All = silos;
        Version = version;
        Active = silos.Where(s => s.Status == SiloStatus.Active).OrderBy(s => s.SiloId, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<SiloRecord> All { get; }

    public IReadOnlyList<SiloRecord> Active { get; }

    public long Version { get; }

    public SiloRecord? OwnerOf(GrainId grainId)
    {
        if (Active.Count == 0) return null;
        var key = grainId.ToString();
        SiloRecord? best = null;
        var bestScore = 0UL;
        foreach (var silo in Active)
        {
            var score = StableHash.Combine(key, silo.SiloId);
            if (best is null || score > bestScore)
            {
                best = silo;
                bestScore = score;
            }
        }

        return best;
    }
}
