using Microsoft.Extensions.Logging;

namespace Runtime.Cluster;

/// <summary>
/// This process's view of the cluster, re-read from the membership table every refresh period
/// and on demand (a caller bounced by a silo refreshes at once). Silos and clients both use it.
/// </summary>
public sealed class ClusterMembership(IMembershipTable table, ILogger<ClusterMembership> logger)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile ClusterView _view = ClusterView.Empty;

    public ClusterView View => _view;

    /// <summary>Raised after a refresh in which a silo joined, left or changed status (not on heartbeats).</summary>
    public event Action<ClusterView>? ViewChanged;

    public async Task<ClusterView> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = _view;
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // Someone else refreshed while we waited: their view is as fresh as ours would be.
            if (!ReferenceEquals(before, _view)) return _view;
            var snapshot = await table.ReadAsync(cancellationToken);
            var view = new ClusterView(snapshot.Silos, snapshot.Version);
            var changed = !Members(view).SequenceEqual(Members(_view));
            _view = view;
            if (changed)
            {
                logger.LogInformation("Cluster view {Version}: {Active} active silos", view.Version, view.Active.Count);
                ViewChanged?.Invoke(view);
            }

            return view;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static IEnumerable<(string SiloId, SiloStatus Status)> Members(ClusterView view) =>
        view.All.Select(s => (s.SiloId, s.Status)).OrderBy(m => m.SiloId, StringComparer.Ordinal);
}
