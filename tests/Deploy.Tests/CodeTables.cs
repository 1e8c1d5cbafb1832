using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Grains.Email;
using Grains.Users;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansDynamoDb.Client;

namespace Deploy.Tests;

/// <summary>
/// The tables the code creates at start-up (DynamoDb:CreateTables), by name without the prefix:
/// the providers' table definitions, and the CreateTableRequests of UserEngagementTables, captured by
/// starting it against a client that records them. The template must declare
/// exactly these, so a table, key or index added to the code fails the deploy tests until the
/// template has it too.
/// </summary>
internal static class CodeTables
{
    private const string Prefix = "booking-";

    private static readonly Lazy<IReadOnlyDictionary<string, CreateTableRequest>> _all = new(Capture);

    public static IReadOnlyDictionary<string, CreateTableRequest> All => _all.Value;

    private static IReadOnlyDictionary<string, CreateTableRequest> Capture()
    {
        var client = DispatchProxy.Create<IAmazonDynamoDB, RecordingDynamoDb>();
        var recorder = (RecordingDynamoDb)(object)client;
        var dynamoDb = Options.Create(new DynamoDbOptions { TablePrefix = Prefix, CreateTables = true });
        var users = new UserIndexStore(client, dynamoDb, Options.Create(new UserDirectoryOptions()));
        var emails = new EmailTrackingStore(client, dynamoDb, Options.Create(new EmailOptions()));

        foreach (var request in DynamoDbTableDefinitions.All(dynamoDb.Value))
        {
            DynamoDbTableCreator.EnsureTableAsync(client, request).GetAwaiter().GetResult();
        }

        // Internal; its constructor is what the host calls.
        var engagement = Create(typeof(UserIndexStore).Assembly, "Grains.Users.UserEngagementTables", client, dynamoDb, users, emails);
        engagement.StartAsync(CancellationToken.None).GetAwaiter().GetResult();

        Assert.All(recorder.Created.Keys, name => Assert.StartsWith(Prefix, name));
        return recorder.Created.ToDictionary(t => t.Key[Prefix.Length..], t => t.Value);
    }

    private static IHostedService Create(Assembly assembly, string typeName, params object[] arguments)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        return (IHostedService)Activator.CreateInstance(type, arguments)!;
    }

    /// <summary>An empty DynamoDB: DescribeTable finds only tables created through it, which are active at once.</summary>
    public class RecordingDynamoDb : DispatchProxy
    {
        public Dictionary<string, CreateTableRequest> Created { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            lock (Created)
            {
                switch (targetMethod?.Name, args?.FirstOrDefault())
                {
                    case ("CreateTableAsync", CreateTableRequest request):
                        Assert.True(Created.TryAdd(request.TableName, request), $"{request.TableName} is created twice.");
                        return Task.FromResult(new CreateTableResponse());
                    case ("DescribeTableAsync", string name):
                        return Created.ContainsKey(name)
                            ? Task.FromResult(new DescribeTableResponse { Table = new TableDescription { TableName = name, TableStatus = TableStatus.ACTIVE } })
                            : Task.FromException<DescribeTableResponse>(new ResourceNotFoundException($"{name} not found"));
                    default:
                        throw new NotSupportedException($"Table creation called {targetMethod?.Name}.");
                }
            }
        }
    }
}
