using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using OrleansDynamoDb.Client;
using OrleansDynamoDb.Journal;

namespace OrleansDynamoDb.Tests.Journal;

/// <summary>A <see cref="DynamoDbJournalStorage"/> resolved and started through its registration, on fresh tables.</summary>
public sealed class JournalUnderTest(DynamoDbJournalStorage journal, IAmazonDynamoDB client, DynamoDbOptions options)
{
    public DynamoDbJournalStorage Journal { get; } = journal;

    public IAmazonDynamoDB Client { get; } = client;

    public DynamoDbOptions Options { get; } = options;

    public static async Task<JournalUnderTest> StartAsync()
    {
        var (_, fresh) = await DynamoDbLocal.FreshAsync();
        var services = new ServiceCollection().AddLogging().AddDynamoDbJournalStorage(configure: o =>
        {
            o.ServiceUrl = fresh.ServiceUrl;
            o.TablePrefix = fresh.TablePrefix;
        });
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        var journal = (DynamoDbJournalStorage)provider.GetRequiredService<IJournalStorage>();
        return new JournalUnderTest(journal, provider.GetRequiredService<IAmazonDynamoDB>(), fresh);
    }

    public static GrainId NewGrainId() => GrainId.Create("journal-test", Guid.NewGuid().ToString("N"));

    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public async Task<List<JournalEntry>> ReadAllAsync(GrainId grainId, long afterSequence = 0)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in Journal.ReadEntriesAsync(grainId, afterSequence, CancellationToken.None)) entries.Add(entry);
        return entries;
    }
}
