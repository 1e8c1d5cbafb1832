using Runtime.Reminders;

namespace Runtime.Cluster;

/// <summary>A grain is local when this silo is its owner in the current view.</summary>
internal sealed class ClusterOwnership(ClusterMembership membership, LocalSilo self) : IGrainOwnership
{
    public bool IsLocal(GrainId grainId) => !self.Leaving && membership.View.OwnerOf(grainId)?.SiloId == self.SiloId;
}
