using Amazon.DynamoDBv2.Model;
using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Clustering;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>The IMembershipTable contract (after Orleans' MembershipTableTestsBase) on DynamoDB Local.</summary>
public sealed class DynamoDbMembershipTableTests
{
    [Fact]
    public async Task InitializingTwiceKeepsTheFirstVersion()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var first = (await sut.Table.ReadAll()).Version;

        await sut.Table.InitializeMembershipTable(tryInitTableVersion: true);
        await sut.ForCluster(sut.ClusterId).InitializeMembershipTable(tryInitTableVersion: true);

        Assert.Equal(first, (await sut.Table.ReadAll()).Version);
    }

    [Fact]
    public async Task EmptyClusterReadsAsVersionZero()
    {
        var sut = await MembershipTableUnderTest.StartAsync();

        var data = await sut.Table.ReadAll();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [Fact]
    public async Task ClusterWithoutVersionRowStartsAtVersionZeroAndGetsOneOnFirstInsert()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var uninitialised = sut.ForCluster(MembershipTableUnderTest.NewClusterId());
        await uninitialised.InitializeMembershipTable(tryInitTableVersion: false);
        var empty = await uninitialised.ReadAll();
        Assert.Equal(0, empty.Version.Version);

        Assert.True(await uninitialised.InsertRow(TestEntries.New(), empty.Version.Next()));
        Assert.False(await uninitialised.InsertRow(TestEntries.New(), empty.Version.Next()));

        var data = await uninitialised.ReadAll();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
        Assert.NotEqual(empty.Version.VersionEtag, data.Version.VersionEtag);
    }

    [Fact]
    public async Task InsertedRowIsReadBackWithEveryField()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New(SiloStatus.Active);
        entry.RoleName = "frontend";
        entry.UpdateZone = 3;
        entry.FaultZone = 4;
        entry.AddSuspector(TestEntries.NewSiloAddress(), entry.StartTime.AddSeconds(1));
        entry.AddSuspector(TestEntries.NewSiloAddress(), entry.StartTime.AddSeconds(2));
        var empty = await sut.Table.ReadAll();

        Assert.True(await sut.Table.InsertRow(entry, empty.Version.Next()));

        var all = await sut.Table.ReadAll();
        var row = await sut.Table.ReadRow(entry.SiloAddress);
        foreach (var data in new[] { all, row })
        {
            var (stored, etag) = Assert.Single(data.Members);
            Assert.Equal(entry.ToFullString(), stored.ToFullString());
            Assert.False(string.IsNullOrEmpty(etag));
            Assert.Equal(1, data.Version.Version);
            Assert.NotEqual(empty.Version.VersionEtag, data.Version.VersionEtag);
        }

        Assert.Equal(all.Members[0].Item2, row.Members[0].Item2);
    }

    [Fact]
    public async Task ReadRowOfAnUnknownSiloHasTheVersionButNoMember()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var version = (await sut.Table.ReadAll()).Version;

        var data = await sut.Table.ReadRow(TestEntries.NewSiloAddress());

        Assert.Empty(data.Members);
        Assert.Equal(version, data.Version);
    }

    [Fact]
    public async Task InsertOfAnExistingRowIsRejected()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New();
        Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        var before = await sut.Table.ReadAll();

        Assert.False(await sut.Table.InsertRow(entry, before.Version.Next()));

        var after = await sut.Table.ReadAll();
        Assert.Single(after.Members);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task InsertWithStaleVersionIsRejected()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var stale = (await sut.Table.ReadAll()).Version.Next();
        var first = TestEntries.New();
        Assert.True(await sut.Table.InsertRow(first, stale));

        Assert.False(await sut.Table.InsertRow(TestEntries.New(), stale));

        var data = await sut.Table.ReadAll();
        Assert.Equal(first.SiloAddress, Assert.Single(data.Members).Item1.SiloAddress);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task ConcurrentInsertsWithTheSameVersionHaveOneWinner()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var next = (await sut.Table.ReadAll()).Version.Next();
        var entries = Enumerable.Range(0, 8).Select(_ => TestEntries.New()).ToList();

        var outcomes = await Task.WhenAll(entries.Select(entry => sut.Table.InsertRow(entry, next)));

        var winner = Assert.Single(entries.Where((_, i) => outcomes[i]));
        var data = await sut.Table.ReadAll();
        Assert.Equal(winner.SiloAddress, Assert.Single(data.Members).Item1.SiloAddress);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task UpdateWithCurrentEtagReplacesTheRowAndChangesItsEtag()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New();
        entry.RoleName = "frontend";
        entry.AddSuspector(TestEntries.NewSiloAddress(), entry.StartTime);
        Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        var read = await sut.Table.ReadRow(entry.SiloAddress);
        var etag = read.Members[0].Item2;
        var updated = read.Members[0].Item1;
        updated.Status = SiloStatus.Active;
        updated.RoleName = null;
        updated.SuspectTimes = null;

        Assert.True(await sut.Table.UpdateRow(updated, etag, read.Version.Next()));

        var after = await sut.Table.ReadRow(entry.SiloAddress);
        var (stored, newEtag) = Assert.Single(after.Members);
        Assert.Equal(updated.ToFullString(), stored.ToFullString());
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(2, after.Version.Version);
    }

    [Fact]
    public async Task UpdateWithStaleEtagIsRejected()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New();
        Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        var first = await sut.Table.ReadRow(entry.SiloAddress);
        var staleEtag = first.Members[0].Item2;
        entry.Status = SiloStatus.Active;
        Assert.True(await sut.Table.UpdateRow(entry, staleEtag, first.Version.Next()));
        var current = await sut.Table.ReadRow(entry.SiloAddress);

        entry.Status = SiloStatus.Dead;
        Assert.False(await sut.Table.UpdateRow(entry, staleEtag, current.Version.Next()));

        var after = await sut.Table.ReadRow(entry.SiloAddress);
        Assert.Equal(SiloStatus.Active, after.Members[0].Item1.Status);
        Assert.Equal(current.Members[0].Item2, after.Members[0].Item2);
        Assert.Equal(current.Version, after.Version);
    }

    [Fact]
    public async Task UpdateWithStaleVersionIsRejected()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New();
        var staleVersion = (await sut.Table.ReadAll()).Version.Next();
        Assert.True(await sut.Table.InsertRow(entry, staleVersion));
        var current = await sut.Table.ReadRow(entry.SiloAddress);

        entry.Status = SiloStatus.Active;
        Assert.False(await sut.Table.UpdateRow(entry, current.Members[0].Item2, staleVersion));

        var after = await sut.Table.ReadRow(entry.SiloAddress);
        Assert.Equal(SiloStatus.Joining, after.Members[0].Item1.Status);
        Assert.Equal(current.Version, after.Version);
    }

    [Fact]
    public async Task UpdateOfAMissingRowIsRejected()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var version = (await sut.Table.ReadAll()).Version;

        Assert.False(await sut.Table.UpdateRow(TestEntries.New(), "no-such-etag", version.Next()));

        var data = await sut.Table.ReadAll();
        Assert.Empty(data.Members);
        Assert.Equal(version, data.Version);
    }

    [Fact]
    public async Task UpdateIAmAliveChangesTheAliveTimeButNeitherVersionNorEtag()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New(SiloStatus.Active);
        Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        var before = await sut.Table.ReadRow(entry.SiloAddress);
        var aliveAt = entry.IAmAliveTime.AddMinutes(5);

        // The shape Orleans' membership agent sends: only the address and the new time.
        await sut.Table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = aliveAt });

        var after = await sut.Table.ReadRow(entry.SiloAddress);
        var (stored, etag) = Assert.Single(after.Members);
        Assert.Equal(aliveAt, stored.IAmAliveTime);
        entry.IAmAliveTime = aliveAt;
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
        Assert.Equal(before.Members[0].Item2, etag);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task UpdateIAmAliveOfAMissingRowCreatesNothing()
    {
        var sut = await MembershipTableUnderTest.StartAsync();

        await sut.Table.UpdateIAmAlive(new MembershipEntry { SiloAddress = TestEntries.NewSiloAddress(), IAmAliveTime = DateTime.UtcNow });

        Assert.Empty((await sut.Table.ReadAll()).Members);
    }

    [Fact]
    public async Task ReadAllOverManyPagesIsComplete()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        sut.Table.PageSize = 2;
        var entries = Enumerable.Range(0, 7).Select(_ => TestEntries.New()).ToList();
        foreach (var entry in entries)
        {
            Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        }

        var data = await sut.Table.ReadAll();

        Assert.Equal(
            entries.Select(e => e.SiloAddress.ToParsableString()).Order(),
            data.Members.Select(m => m.Item1.SiloAddress.ToParsableString()).Order());
        Assert.Equal(7, data.Version.Version);
    }

    [Fact]
    public async Task ReadAllDuringWritesSeesOnlyWholeVersions()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var writer = sut.ForCluster(sut.ClusterId);
        sut.Table.PageSize = 1;
        const int Inserts = 15;

        // Every insert adds one row and one version, so a consistent snapshot has as many rows as its version.
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < Inserts; i++)
            {
                Assert.True(await writer.InsertRow(TestEntries.New(), (await writer.ReadAll()).Version.Next()));
                await Task.Delay(20);
            }
        });
        var snapshots = 0;
        while (!writes.IsCompleted)
        {
            var data = await sut.Table.ReadAll();
            Assert.Equal(data.Version.Version, data.Members.Count);
            snapshots++;
        }

        await writes;
        Assert.True(snapshots > 0);
        Assert.Equal(Inserts, (await sut.Table.ReadAll()).Members.Count);
    }

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

    [Fact]
    public async Task RowsAreStoredAsPlainAttributes()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var entry = TestEntries.New(SiloStatus.Active, proxyPort: 30123);
        var suspecter = TestEntries.NewSiloAddress();
        entry.AddSuspector(suspecter, entry.StartTime);
        Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));

        var row = await GetItemAsync(sut, entry.SiloAddress.ToParsableString());
        var version = await GetItemAsync(sut, MembershipSchema.VersionRowKey);

        Assert.Equal("Active", row["Status"].S);
        Assert.Equal("30123", row["ProxyPort"].N);
        Assert.Equal("host-a", row["HostName"].S);
        Assert.Equal(entry.SiloName, row["SiloName"].S);
        Assert.Equal(entry.StartTime.ToString("O"), row["StartTime"].S);
        Assert.Equal(entry.IAmAliveTime.ToString("O"), row["IAmAliveTime"].S);
        var vote = Assert.Single(row["SuspectTimes"].L).M;
        Assert.Equal(suspecter.ToParsableString(), vote["Silo"].S);
        Assert.Equal(entry.StartTime.ToString("O"), vote["Time"].S);
        Assert.Equal("1", version["Version"].N);
        Assert.False(string.IsNullOrEmpty(version["VersionEtag"].S));
    }

    private static async Task<Dictionary<string, AttributeValue>> GetItemAsync(MembershipTableUnderTest sut, string rowKey)
    {
        var response = await sut.Client.GetItemAsync(new GetItemRequest
        {
            TableName = sut.Options.MembershipTable,
            Key = MembershipSchema.Key(sut.ClusterId, rowKey),
            ConsistentRead = true,
        });
        return response.Item;
    }
}
