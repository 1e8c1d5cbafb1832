using Orleans.Runtime;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Tests.Clustering;

public sealed class DynamoDbGatewayListProviderTests
{
    [Fact]
    public async Task GatewaysAreTheActiveSilosWithAProxyPort()
    {
        var sut = await MembershipTableUnderTest.StartAsync();
        var gateway = TestEntries.New(SiloStatus.Active, proxyPort: 30001);
        var otherGateway = TestEntries.New(SiloStatus.Active, proxyPort: 30005);
        var entries = new[]
        {
            gateway,
            TestEntries.New(SiloStatus.Active, proxyPort: 0),
            TestEntries.New(SiloStatus.Joining, proxyPort: 30002),
            TestEntries.New(SiloStatus.Dead, proxyPort: 30003),
            TestEntries.New(SiloStatus.ShuttingDown, proxyPort: 30004),
            otherGateway,
        };
        foreach (var entry in entries)
        {
            Assert.True(await sut.Table.InsertRow(entry, (await sut.Table.ReadAll()).Version.Next()));
        }

        var otherCluster = sut.ForCluster(MembershipTableUnderTest.NewClusterId());
        await otherCluster.InitializeMembershipTable(tryInitTableVersion: true);
        Assert.True(await otherCluster.InsertRow(TestEntries.New(SiloStatus.Active, proxyPort: 30006), (await otherCluster.ReadAll()).Version.Next()));
        var provider = sut.Gateways();
        provider.PageSize = 2;
        await provider.InitializeGatewayListProvider();

        var gateways = await provider.GetGateways();

        Assert.Equal(
            new[] { gateway, otherGateway }.Select(GatewayUri).Order(),
            gateways.Select(uri => uri.ToString()).Order());
    }

    [Fact]
    public async Task GatewayListOfAMissingTableIsEmpty()
    {
        var (client, options) = await DynamoDbLocal.FreshAsync();
        var provider = new OrleansDynamoDb.Clustering.DynamoDbGatewayListProvider(
            client,
            Microsoft.Extensions.Options.Options.Create(new DynamoDbOptions { ServiceUrl = options.ServiceUrl, TablePrefix = options.TablePrefix }),
            Microsoft.Extensions.Options.Options.Create(new Orleans.Configuration.ClusterOptions { ClusterId = MembershipTableUnderTest.NewClusterId() }),
            Microsoft.Extensions.Options.Options.Create(new Orleans.Configuration.GatewayOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OrleansDynamoDb.Clustering.DynamoDbGatewayListProvider>.Instance);

        Assert.Empty(await provider.GetGateways());
    }

    [Fact]
    public async Task MaxStalenessIsTheGatewayListRefreshPeriod()
    {
        var sut = await MembershipTableUnderTest.StartAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), sut.Gateways(TimeSpan.FromSeconds(7)).MaxStaleness);
    }

    private static string GatewayUri(Orleans.MembershipEntry entry) =>
        SiloAddress.New(entry.SiloAddress.Endpoint.Address, entry.ProxyPort, entry.SiloAddress.Generation).ToGatewayUri().ToString();
}
