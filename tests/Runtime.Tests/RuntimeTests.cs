using Microsoft.Extensions.DependencyInjection;
using Runtime.Activation;
using Runtime.Storage;
using Runtime.Tests.Grains;
using TestKit;

namespace Runtime.Tests;

public sealed class RuntimeTests
{
    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ConcurrentCallsToOneGrainNeverOverlap()
    {
        await using var silo = await TestSilo.StartAsync(typeof(TurnGrain).Assembly);
        var grain = silo.GrainFactory.GetGrain<ITurnGrain>(NewKey());

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => grain.Enter())));

        Assert.Equal(Enumerable.Range(1, 100), results.Order());
    }

    [Fact]
    public async Task FullQueueAnswersOverloaded()
    {
        await using var silo = await TestSilo.StartAsync(typeof(TurnGrain).Assembly, settings: new Dictionary<string, string?> { ["Runtime:MaxQueueLength"] = "3" });
        var key = NewKey();
        var grain = silo.GrainFactory.GetGrain<ITurnGrain>(key);
        var blocked = grain.Block(key);
        var catalog = silo.Services.GetRequiredService<GrainRuntime>().Catalog;
        await Eventually.WaitUntilAsync(() => catalog.TryGet(new GrainId("turn", key), out var a) && a.QueueLength == 0, "the blocking call is running");
        var queued = Enumerable.Range(0, 3).Select(_ => grain.Enter()).ToList();

        var refused = await Assert.ThrowsAsync<OverloadedException>(() => grain.Enter());

        Assert.Equal(3, refused.Limit);
        TurnGrain.Gates[key].SetResult();
        await blocked;
        var results = await Task.WhenAll(queued);
        Assert.Equal(new[] { 1, 2, 3 }, results);
    }

    [Fact]
    public async Task IdleGrainIsDeactivatedAndComesBackWithItsState()
    {
        var time = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(typeof(CounterGrain).Assembly, time);
        var key = NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.Increment();
        await grain.Increment();
        var firstActivation = await grain.ActivationId();
        var catalog = silo.Services.GetRequiredService<GrainRuntime>().Catalog;

        await WaitUntilIdleAsync(catalog, key, time);
        time.Advance(TimeSpan.FromMinutes(17));
        await Eventually.WaitUntilAsync(() => catalog.Count == 0, "the idle activation is collected");

        Assert.NotEqual(firstActivation, await grain.ActivationId());
        Assert.Equal(2, await grain.Get());
    }

    [Fact]
    public async Task BusyGrainIsNotCollectedBeforeItsIdleAge()
    {
        var time = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(typeof(CounterGrain).Assembly, time);
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(NewKey());
        var activation = await grain.ActivationId();

        time.Advance(TimeSpan.FromMinutes(10));
        await grain.Increment();
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(activation, await grain.ActivationId());
    }

    [Fact]
    public async Task StaleVersionWriteIsRefusedAndTheActivationIsReplaced()
    {
        await using var silo = await TestSilo.StartAsync(typeof(CounterGrain).Assembly);
        var key = NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.Increment();
        var stale = await grain.ActivationId();

        // Another writer (a second activation elsewhere) moves the stored version on.
        var storage = silo.Services.GetRequiredService<IGrainStorage>();
        var serializer = silo.Services.GetRequiredService<GrainStateSerializer>();
        await storage.WriteAsync(new GrainId("counter", key), serializer.Serialize(new CounterState { Value = 40 }), 1, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment());

        await Eventually.WaitUntilAsync(async () => await grain.ActivationId() != stale, "a fresh activation replaces the stale one");
        Assert.Equal(41, await grain.Increment());
    }

    /// <summary>
    /// A call's turn ends just after its answer reaches the caller; until it has, collection ticks
    /// fired by advancing the clock would find the activation busy and never come again.
    /// </summary>
    private static Task WaitUntilIdleAsync(Catalog catalog, string key, ManualTimeProvider time) =>
        Eventually.WaitUntilAsync(
            () => catalog.TryGet(new GrainId("counter", key), out var activation) && activation.IsIdleSince(time.GetUtcNow()),
            "the last call's turn has ended");

    [Fact]
    public async Task ReminderFiresForDeactivatedGrain()
    {
        var time = new ManualTimeProvider();
        await using var silo = await TestSilo.StartAsync(typeof(CounterGrain).Assembly, time);
        var key = NewKey();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.RemindMeIn(TimeSpan.FromMinutes(30));
        var catalog = silo.Services.GetRequiredService<GrainRuntime>().Catalog;
        await WaitUntilIdleAsync(catalog, key, time);
        time.Advance(TimeSpan.FromMinutes(17));
        await Eventually.WaitUntilAsync(() => catalog.Count == 0, "the grain is deactivated");
        time.Advance(TimeSpan.FromMinutes(13));

        await Eventually.WaitUntilAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return await StoredRemindersAsync(silo, key) == 1;
            },
            "the reminder activates the grain and is received");
    }

    [Fact]
    public async Task ReminderFiresAfterTheSiloRestarts()
    {
        var time = new ManualTimeProvider();
        var prefix = TestSilo.NewTablePrefix();
        var key = NewKey();
        await using (var first = await TestSilo.StartAsync(typeof(CounterGrain).Assembly, time, prefix))
        {
            await first.GrainFactory.GetGrain<ICounterGrain>(key).RemindMeIn(TimeSpan.FromMinutes(5));
        }

        await using var second = await TestSilo.StartAsync(typeof(CounterGrain).Assembly, time, prefix);
        await Eventually.WaitUntilAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromSeconds(10));
                return await StoredRemindersAsync(second, key) == 1;
            },
            "the reminder fires on the restarted silo");
    }

    private static async Task<int> StoredRemindersAsync(TestSilo silo, string key)
    {
        var stored = await silo.Services.GetRequiredService<IGrainStorage>().ReadAsync(new GrainId("counter", key), CancellationToken.None);
        return stored is null ? 0 : silo.Services.GetRequiredService<GrainStateSerializer>().Deserialize<CounterState>(stored.Data).RemindersReceived;
    }
}
