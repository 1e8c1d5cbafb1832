using Amazon.DynamoDBv2.Model;
using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Clustering;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>Initialisation, reads and the stored layout of the membership table on DynamoDB Local.</summary>
public sealed class DynamoDbMembershipTableReadTests
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
