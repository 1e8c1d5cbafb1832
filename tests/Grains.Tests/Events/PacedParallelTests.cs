using Grains.Events;
using TestKit;

namespace Grains.Tests.Events;

/// <summary>The outbox's delivery loop: a concurrency limit read again before each start.</summary>
public sealed class PacedParallelTests
{
    [Fact]
    public async Task NeverRunsMoreThanTheLimitAtOnceAndStartsInOrder()
    {
        var items = new Items(6);
        var running = 0;
        var most = 0;

        var run = PacedParallel.ForEachAsync(Enumerable.Range(0, 6), () => 2, async i =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await items.Start(i);
            Interlocked.Decrement(ref running);
        });

        Assert.Equal([0, 1], items.Started);
        for (var i = 0; i < 6; i++)
        {
            items.End(i);
            var expected = Math.Min(6, i + 3);
            await Eventually.WaitUntilAsync(() => items.Started.Count >= expected, $"item {expected - 1} starts once item {i} ends");
        }

        await run;
        Assert.Equal([0, 1, 2, 3, 4, 5], items.Started);
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task ANarrowerLimitTakesEffectBeforeTheNextStart()
    {
        var items = new Items(6);
        var limit = 3;
        var reads = 0;

        var run = PacedParallel.ForEachAsync(Enumerable.Range(0, 6), () => { Interlocked.Increment(ref reads); return Volatile.Read(ref limit); }, items.Start);

        // Reads 1-3 started items 0-2; read 4 found three running.
        Assert.Equal([0, 1, 2], items.Started);
        Assert.Equal(4, Volatile.Read(ref reads));
        Volatile.Write(ref limit, 1);
        items.End(0);
        items.End(1);
        await Eventually.WaitUntilAsync(() => Volatile.Read(ref reads) >= 6, "the loop has seen both items end");
        Assert.Equal([0, 1, 2], items.Started); // item 2 still runs: at a limit of 1 nothing else may start

        items.End(2);
        await Eventually.WaitUntilAsync(() => items.Started.Count == 4, "item 3 starts alone once item 2 ends");
        Volatile.Write(ref limit, 0); // read as 1: delivery never stops altogether
        items.End(3);
        await Eventually.WaitUntilAsync(() => items.Started.Count == 5, "item 4 starts once item 3 ends");
        items.End(4);
        items.End(5);
        await run;
        Assert.Equal([0, 1, 2, 3, 4, 5], items.Started);
    }

    [Fact]
    public async Task AfterAFailureNothingMoreStartsAndTheFailureIsThrownOnceTheOthersEnd()
    {
        var items = new Items(5);

        var run = PacedParallel.ForEachAsync(Enumerable.Range(0, 5), () => 2, items.Start);

        items.Fail(0, new InvalidOperationException("user grain unavailable"));
        items.End(1);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => run);

        Assert.Equal("user grain unavailable", thrown.Message);
        Assert.Equal([0, 1], items.Started);
    }

    [Fact]
    public async Task AFailureWaitsForTheItemsStillRunning()
    {
        var items = new Items(3);

        var run = PacedParallel.ForEachAsync(Enumerable.Range(0, 3), () => 2, items.Start);

        items.Fail(0, new InvalidOperationException("user grain unavailable"));
        Assert.Equal([0, 1], items.Started);
        // A negative can only be watched for a while: an early throw would orphan item 1 within it.
        await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(200)));
        Assert.False(run.IsCompleted);

        items.End(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal([0, 1], items.Started);
    }

    /// <summary>Work items that end when the test says so, and the order they started in.</summary>
    private sealed class Items(int count)
    {
        // Completions are delivered inline, so the loop sees items end in the order the test ends
        // them. Delivered through the thread pool, a failure followed at once by another item's end
        // could be seen second: the loop would start one more item, which no test ever ends.
        private readonly TaskCompletionSource[] _ends = [.. Enumerable.Range(0, count).Select(_ => new TaskCompletionSource())];
        private readonly List<int> _started = [];

        public List<int> Started
        {
            get { lock (_started) return [.. _started]; }
        }

        public Task Start(int item)
        {
            lock (_started) _started.Add(item);
            return _ends[item].Task;
        }

        public void End(int item) => _ends[item].SetResult();

        public void Fail(int item, Exception e) => _ends[item].SetException(e);
    }
}
