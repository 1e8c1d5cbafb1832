using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Clustering;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>Removal of defunct rows and of whole clusters.</summary>
public sealed class DynamoDbMembershipTableCleanupTests
{
    [Fact]
    public async Task CleanupDeletesOnlyDeadRowsOlderThanTheCutoff()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var now = TestEntries.WholeSeconds(DateTime.UtcNow);
        var longAgo = now.AddDays(-10);
        var oldDead = TestEntries.New(SiloStatus.Dead, aliveAt: longAgo);
        var recentDead = TestEntries.New(SiloStatus.Dead, aliveAt: now);
        var oldActive = TestEntries.New(SiloStatus.Active, aliveAt: longAgo);
        var oldJoining = TestEntries.New(SiloStatus.Joining, aliveAt: longAgo);
        var oldDeadRecentlyVoted = TestEntries.New(SiloStatus.Dead, aliveAt: longAgo);
        oldDeadRecentlyVoted.AddSuspector(TestEntries.NewSiloAddress(), now);
        foreach (var entry in new[] { oldDead, recentDead, oldActive, oldJoining, oldDeadRecentlyVoted })
        {
            Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        }

        var before = await sut.Table.ReadAll();

        await sut.Table.CleanupDefunctSiloEntries(now.AddDays(-3));

        var after = await sut.Table.ReadAll();
        Assert.Equal(
            new[] { recentDead, oldActive, oldJoining, oldDeadRecentlyVoted }.Select(e => e.SiloAddress.ToParsableString()).Order(),
            after.Members.Select(m => m.Item1.SiloAddress.ToParsableString()).Order());
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task DeletingOneClusterLeavesAnother()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var other = sut.ForCluster(MembershipTableUnderTest.NewClusterId());
        await other.InitializeMembershipTable(tryInitTableVersion: true);
        sut.Table.PageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await sut.Table.InsertRow(TestEntries.New(), (await sut.Table.ReadAll()).Version.Next()));
        }

        Assert.True(await other.InsertRow(TestEntries.New(), (await other.ReadAll()).Version.Next()));

        await sut.Table.DeleteMembershipTableEntries(sut.ClusterId);

        var left = await sut.Client.QueryAsync(MembershipSchema.PartitionQuery(sut.Options.MembershipTable, sut.ClusterId, consistentRead: true, pageSize: null));
        Assert.Empty(left.Items ?? []);
        var otherData = await other.ReadAll();
        Assert.Single(otherData.Members);
        Assert.Equal(1, otherData.Version.Version);
    }
}
