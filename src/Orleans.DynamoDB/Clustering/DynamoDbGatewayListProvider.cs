using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;
using OrleansDynamoDb.Client;
using static OrleansDynamoDb.Clustering.MembershipSchema;

namespace OrleansDynamoDb.Clustering;

/// <summary>Gives clients the gateways of the cluster: its Active silos that listen for clients.</summary>
internal sealed class DynamoDbGatewayListProvider : IGatewayListProvider
{
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<DynamoDbGatewayListProvider> _logger;

    public DynamoDbGatewayListProvider(
        IAmazonDynamoDB client,
        IOptions<DynamoDbOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        IOptions<GatewayOptions> gatewayOptions,
        ILogger<DynamoDbGatewayListProvider> logger)
    {
        _client = client;
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId
            ?? throw new InvalidOperationException("ClusterOptions.ClusterId must be set for DynamoDB clustering.");
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
        _logger = logger;
    }

    public TimeSpan MaxStaleness { get; }

    [Obsolete("Orleans treats every provider as updatable.")]
    public bool IsUpdatable => true;

    /// <summary>Items per Query page; null lets DynamoDB decide. Tests set it small to force paging.</summary>
    internal int? PageSize { get; set; }

    // Silos create the table; a client only reads it.
    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public async Task<IList<Uri>> GetGateways()
    {
        // A stale answer is fine here (the list is refreshed every MaxStaleness), so no consistent read.
        var query = PartitionQuery(_options.MembershipTable, _clusterId, consistentRead: false, PageSize);
        query.FilterExpression = "#status = :active AND #proxy > :zero";
        query.ExpressionAttributeNames["#status"] = Status;
        query.ExpressionAttributeNames["#proxy"] = ProxyPort;
        query.ExpressionAttributeValues[":active"] = new AttributeValue { S = nameof(SiloStatus.Active) };
        query.ExpressionAttributeValues[":zero"] = new AttributeValue { N = "0" };
        try
        {
            var items = await DynamoDbPaging.QueryAllAsync(_client, query);
            return items.Select(item => MembershipItem.ToEntry(item).Item1)
                .Select(entry => SiloAddress.New(entry.SiloAddress.Endpoint.Address, entry.ProxyPort, entry.SiloAddress.Generation).ToGatewayUri())
                .ToList();
        }
        catch (ResourceNotFoundException)
        {
            _logger.LogWarning("No gateways for cluster {ClusterId}: table {Table} does not exist yet", _clusterId, _options.MembershipTable);
            return [];
        }
    }
}
