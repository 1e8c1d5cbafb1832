using Microsoft.Extensions.Options;

namespace Runtime.Cluster;

internal sealed class MembershipInspector(IMembershipTable table, IOptions<ClusterOptions> options) : IClusterInspector
{
    public ClusterMode Mode => options.Value.Mode;

    public async Task<IReadOnlyList<SiloRecord>> GetSilosAsync(CancellationToken cancellationToken) =>
        (await table.ReadAsync(cancellationToken)).Silos.OrderBy(s => s.SiloId, StringComparer.Ordinal).ToList();
}
