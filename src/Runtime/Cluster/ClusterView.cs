namespace Runtime.Cluster;

/// <summary>
/// The active silos as last read from the membership table. Placement is rendezvous hashing:
/// every process that reads the same rows computes the same owner for a grain, and when a silo
/// joins or leaves only the grains it wins or held move.
/// </summary>
public sealed class ClusterView
{
    public static readonly ClusterView Empty = new([], 0);

    // Silo ids hashed once per view, so placing a call hashes only the grain id.
    private readonly ulong[] _activeHashes;

    public ClusterView(IReadOnlyList<SiloRecord> silos, long version)
    {
        All = silos;
        Version = version;
        Active = silos.Where(s => s.Status == SiloStatus.Active).OrderBy(s => s.SiloId, StringComparer.Ordinal).ToArray();
        _activeHashes = Active.Select(s => StableHash.Of(s.SiloId)).ToArray();
    }

    public IReadOnlyList<SiloRecord> All { get; }

    public IReadOnlyList<SiloRecord> Active { get; }

    public long Version { get; }

    public SiloRecord? OwnerOf(GrainId grainId)
    {
        if (Active.Count == 0) return null;
        var key = StableHash.Of(grainId.ToString());
        var best = 0;
        var bestScore = StableHash.Combine(key, _activeHashes[0]);
        for (var i = 1; i < _activeHashes.Length; i++)
        {
            var score = StableHash.Combine(key, _activeHashes[i]);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return Active[best];
    }
}
