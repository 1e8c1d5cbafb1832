using System.Collections.Concurrent;
using Orleans;
using Orleans.Runtime;

namespace OrleansDynamoDb.Tests.Storage;

/// <summary>Registers one reminder and counts its ticks where the test can see them, whatever activation receives them.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public static ConcurrentDictionary<string, int> Ticks { get; } = new();

    public Task StartAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMilliseconds(100), period);

    public async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.AddOrUpdate(this.GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
