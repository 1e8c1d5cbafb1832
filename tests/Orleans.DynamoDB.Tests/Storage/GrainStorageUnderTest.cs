using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using OrleansDynamoDb.Client;
using OrleansDynamoDb.Storage;

namespace OrleansDynamoDb.Tests.Storage;

/// <summary>A <see cref="DynamoDbGrainStorage"/> on fresh tables of DynamoDB Local, started as a silo would start it.</summary>
public sealed class GrainStorageUnderTest
{
    private static readonly IActivatorProvider _activators = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();

    private GrainStorageUnderTest(DynamoDbGrainStorage storage, IAmazonDynamoDB client, DynamoDbOptions options)
    {
        Storage = storage;
        Client = client;
        Options = options;
    }

    public DynamoDbGrainStorage Storage { get; }

    public IAmazonDynamoDB Client { get; }

    public DynamoDbOptions Options { get; }

    public static async Task<GrainStorageUnderTest> StartAsync()
    {
        var (client, options) = await DynamoDbLocal.FreshAsync();
        var storage = new DynamoDbGrainStorage("test", client, options, new JsonTestSerializer(), _activators, NullLogger<DynamoDbGrainStorage>.Instance);
        var lifecycle = new SiloLifecycleStub();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync();
        return new GrainStorageUnderTest(storage, client, options);
    }

    public static GrainId NewGrainId() => GrainId.Create("test-grain", Guid.NewGuid().ToString("N"));

    public static GrainState<TestState> NewState(TestState? state = null, string? etag = null) => new() { State = state ?? new TestState(), ETag = etag };
}
