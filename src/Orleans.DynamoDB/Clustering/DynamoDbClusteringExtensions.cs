using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Messaging;
using OrleansDynamoDb.Client;

namespace OrleansDynamoDb.Clustering;

public static class DynamoDbClusteringExtensions
{
    /// <summary>
    /// Keeps the silo's cluster membership in the DynamoDB table {TablePrefix}membership, using the
    /// shared DynamoDB client and options ("DynamoDb" configuration section, then <paramref name="configure"/>).
    /// </summary>
    public static ISiloBuilder UseDynamoDbClustering(this ISiloBuilder builder, Action<DynamoDbOptions>? configure = null)
    {
        builder.Services.AddDynamoDbClient(configuration: builder.Configuration, configure);
        builder.Services.AddSingleton<IMembershipTable, DynamoDbMembershipTable>();
        return builder;
    }

    /// <summary>Finds the cluster's gateways in the DynamoDB membership table the silos keep.</summary>
    public static IClientBuilder UseDynamoDbClustering(this IClientBuilder builder, Action<DynamoDbOptions>? configure = null)
    {
        builder.Services.AddDynamoDbClient(configuration: builder.Configuration, configure);
        builder.Services.AddSingleton<IGatewayListProvider, DynamoDbGatewayListProvider>();
        return builder;
    }
}
