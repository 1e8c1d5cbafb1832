namespace Runtime.Cluster;

/// <summary>All silo rows and the table version they were read at.</summary>
public sealed record MembershipSnapshot(IReadOnlyList<SiloRecord> Silos, long Version);
