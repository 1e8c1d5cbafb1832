using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Grains.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Runtime.Storage.DynamoDb;

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

    private async Task EnsureAsync(CreateTableRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeTableAsync(request.TableName, cancellationToken);
            return;
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await client.CreateTableAsync(request, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Another process created it first.
        }

        for (var attempt = 0; attempt < 300; attempt++)
        {
            var table = (await client.DescribeTableAsync(request.TableName, cancellationToken)).Table;
            if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE)) return;
            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Table {request.TableName} did not become active.");
    }
}
