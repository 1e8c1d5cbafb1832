namespace Runtime.Cluster;

/// <summary>
/// Cluster membership in a shared table (Orleans: IMembershipTable). Status changes are
/// conditional on the table version, so concurrent changes serialize; heartbeats are not.
/// </summary>
public interface IMembershipTable
{
    Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes the row and bumps the version if it is still <paramref name="expectedVersion"/>; false on a race.</summary>
    Task<bool> TryWriteAsync(SiloRecord silo, SiloStatus? expectedStatus, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Refreshes the heartbeat; false when the row says Dead (the silo must stop).</summary>
    Task<bool> HeartbeatAsync(SiloRecord silo, CancellationToken cancellationToken);
}
