using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansDynamoDb.Client;
using OrleansDynamoDb.Clustering;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>A membership table on fresh DynamoDB Local tables, for one cluster id of its own.</summary>
internal sealed class MembershipTableUnderTest
{
    private MembershipTableUnderTest(IAmazonDynamoDB client, DynamoDbOptions options, string clusterId)
    {
        Client = client;
        Options = options;
        ClusterId = clusterId;
        Table = ForCluster(clusterId);
    }

    public IAmazonDynamoDB Client { get; }

    public DynamoDbOptions Options { get; }

    public string ClusterId { get; }

    public DynamoDbMembershipTable Table { get; }

    public static async Task<MembershipTableUnderTest> StartAsync()
    {
        var (client, options) = await DynamoDbLocal.FreshAsync();
        var context = new MembershipTableUnderTest(client, options, NewClusterId());
        await context.Table.InitializeMembershipTable(tryInitTableVersion: true);
        return context;
    }

    public static string NewClusterId() => "cluster-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Another table instance on the same DynamoDB table, as another silo of some cluster would have.</summary>
    public DynamoDbMembershipTable ForCluster(string clusterId) => new(
        Client,
        Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ClusterId = clusterId }),
        NullLogger<DynamoDbMembershipTable>.Instance);

    public DynamoDbGatewayListProvider Gateways(TimeSpan? refreshPeriod = null) => new(
        Client,
        Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ClusterId = ClusterId }),
        Microsoft.Extensions.Options.Options.Create(new GatewayOptions { GatewayListRefreshPeriod = refreshPeriod ?? TimeSpan.FromMinutes(1) }),
        NullLogger<DynamoDbGatewayListProvider>.Instance);
}
