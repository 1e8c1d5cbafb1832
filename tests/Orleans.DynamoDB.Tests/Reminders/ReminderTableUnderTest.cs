using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using OrleansDynamoDb.Reminders;

namespace OrleansDynamoDb.Tests.Reminders;

/// <summary>A started <see cref="DynamoDbReminderTable"/> on fresh tables of DynamoDB Local.</summary>
public static class ReminderTableUnderTest
{
    public static async Task<DynamoDbReminderTable> StartAsync()
    {
        var (client, options) = await DynamoDbLocal.FreshAsync();
        var table = new DynamoDbReminderTable(client, Options.Create(options));
        await table.StartAsync();
        return table;
    }

    public static GrainId NewGrainId() => GrainId.Create("reminder-test", Guid.NewGuid().ToString("N"));

    public static ReminderEntry Entry(GrainId grainId, string name, int periodSeconds = 60) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = DateTime.UtcNow,
        Period = TimeSpan.FromSeconds(periodSeconds),
    };

    /// <summary>Orleans' ring rule, written independently of the provider: (begin, end], wrapping when begin >= end.</summary>
    public static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
