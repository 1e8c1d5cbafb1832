using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using TestKit;
using Xunit;

namespace OrleansDynamoDb.Tests.Storage;

public sealed class InProcessSiloTests(SiloUnderTest silo) : IClassFixture<SiloUnderTest>
{
    [Fact]
    public async Task Persistent_state_survives_deactivation_through_the_named_dynamodb_storage()
    {
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(Guid.NewGuid().ToString("N"));
        var before = await grain.GetAsync();
        Assert.False(before.RecordExists);

        await grain.SetAsync(41, "kept");
        await grain.DeactivateAsync();
        var after = await grain.GetAsync();

        Assert.NotEqual(before.Activation, after.Activation);
        Assert.True(after.RecordExists);
        Assert.Equal((41, "kept"), (after.Value, after.Note));
        var stored = new GrainState<CounterState>();
        await silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloUnderTest.StorageName).ReadStateAsync("s", grain.GetGrainId(), stored);
        Assert.Equal(41, stored.State?.Value);
    }

    [Fact]
    public async Task Reminder_registered_by_a_grain_is_stored_in_dynamodb_and_fires()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = silo.GrainFactory.GetGrain<IReminderProbeGrain>(key);
        var table = silo.Services.GetRequiredService<IReminderTable>();

        await grain.StartAsync(TimeSpan.FromSeconds(1));

        var row = await table.ReadRow(grain.GetGrainId(), ReminderProbeGrain.ReminderName);
        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromSeconds(1), row.Period);
        await Eventually.WaitUntilAsync(
            () => ReminderProbeGrain.Ticks.GetValueOrDefault(key) >= 2, "the reminder ticked twice", TimeSpan.FromSeconds(30));

        await grain.StopAsync();
        Assert.Null(await table.ReadRow(grain.GetGrainId(), ReminderProbeGrain.ReminderName));
    }
}
