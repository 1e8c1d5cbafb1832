using Orleans;
using Orleans.Runtime;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>Inserts and updates of the IMembershipTable contract (after Orleans' MembershipTableTestsBase) on DynamoDB Local.</summary>
public sealed class DynamoDbMembershipTableTests
{
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
}
