using Runtime.Cluster;

namespace Runtime.Tests;

public sealed class ClusterViewTests
{
    private static SiloRecord Silo(string id) => new()
    {
        SiloId = id,
        Address = "http://" + id,
        Generation = 1,
        Status = SiloStatus.Active,
        HeartbeatAt = DateTimeOffset.UnixEpoch,
        StartedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void PlacementSpreadsGrainsAndMovesOnlyTheLeavingSilosGrains()
    {
        var three = new ClusterView([Silo("a:1@1"), Silo("b:1@1"), Silo("c:1@1")], 1);
        var two = new ClusterView([Silo("a:1@1"), Silo("b:1@1")], 2);
        var grains = Enumerable.Range(0, 3000).Select(i => new GrainId("event", $"e{i}")).ToList();

        var owners = grains.ToDictionary(g => g, g => three.OwnerOf(g)!.SiloId);

        Assert.All(owners.Values.GroupBy(o => o), group => Assert.InRange(group.Count(), 800, 1200));
        Assert.All(grains.Where(g => owners[g] != "c:1@1"), g => Assert.Equal(owners[g], two.OwnerOf(g)!.SiloId));
    }
}
