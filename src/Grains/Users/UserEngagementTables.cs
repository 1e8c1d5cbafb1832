using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Grains.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansDynamoDb.Client;

namespace Grains.Users;

/// <summary>Creates the user filter index and email tracking tables when missing (DynamoDb:CreateTables).</summary>
internal sealed class UserEngagementTables(IAmazonDynamoDB client, IOptions<DynamoDbOptions> options, UserIndexStore users, EmailTrackingStore emails) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateTables) return;
        await Task.WhenAll(
            EnsureAsync(UserIndexTable.Definition(users.TableName), cancellationToken),
            EnsureAsync(EmailTrackingStore.Definition(emails.TableName), cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Task EnsureAsync(CreateTableRequest request, CancellationToken cancellationToken) =>
        DynamoDbTableCreator.EnsureTableAsync(client, request, cancellationToken);
}
