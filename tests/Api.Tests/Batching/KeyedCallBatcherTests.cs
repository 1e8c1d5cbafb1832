using Api.Batching;
using TestKit;

namespace Api.Tests.Batching;

public sealed class KeyedCallBatcherTests
{
    [Fact]
    public async Task ACallForAnIdleKeyLeavesAtOnceAlone()
    {
        var sender = new ScriptedSender();
        var batcher = sender.Batcher(maxBatchSize: 10, maxBatchesInFlight: 1);

        var answer = batcher.Call("e1", 7);

        Assert.Equal([[7]], sender.SentFor("e1"));
        sender.CompleteNext();
        Assert.Equal("e1:7", await answer);
    }

    [Fact]
    public async Task CallsArrivingWhileTheLaneIsFullLeaveTogetherInArrivalOrder()
    {
        var sender = new ScriptedSender();
        var batcher = sender.Batcher(maxBatchSize: 10, maxBatchesInFlight: 1);
        var first = batcher.Call("e1", 1);
        var waiting = Enumerable.Range(2, 5).Select(i => batcher.Call("e1", i)).ToList();

        Assert.Single(sender.SentFor("e1"));
        sender.CompleteNext();
        await first;
        await sender.WaitForBatchesAsync(2);

        Assert.Equal([2, 3, 4, 5, 6], sender.SentFor("e1")[1]);
        sender.CompleteNext();
        Assert.Equal(["e1:2", "e1:3", "e1:4", "e1:5", "e1:6"], await Task.WhenAll(waiting));
    }

    [Fact]
    public async Task NoBatchIsLargerThanTheMaximum()
    {
        var sender = new ScriptedSender(autoComplete: true);
        var gate = new TaskCompletionSource();
        sender.HoldFirstUntil(gate.Task);
        var batcher = sender.Batcher(maxBatchSize: 2, maxBatchesInFlight: 1);
        var answers = Enumerable.Range(1, 6).Select(i => batcher.Call("e1", i)).ToList();

        gate.SetResult();
        await Task.WhenAll(answers);

        Assert.Equal([[1], [2, 3], [4, 5], [6]], sender.SentFor("e1"));
    }

    [Fact]
    public async Task NoMoreBatchesThanAllowedAreOutForOneKey()
    {
        var sender = new ScriptedSender();
        var batcher = sender.Batcher(maxBatchSize: 10, maxBatchesInFlight: 2);

        var answers = Enumerable.Range(1, 5).Select(i => batcher.Call("e1", i)).ToList();

        Assert.Equal([[1], [2]], sender.SentFor("e1"));
        sender.CompleteNext();
        await sender.WaitForBatchesAsync(3);
        Assert.Equal([3, 4, 5], sender.SentFor("e1")[2]);
        sender.CompleteNext();
        sender.CompleteNext();
        Assert.Equal(5, (await Task.WhenAll(answers)).Length);
    }

    [Fact]
    public async Task KeysAreBatchedApart()
    {
        var sender = new ScriptedSender();
        var batcher = sender.Batcher(maxBatchSize: 10, maxBatchesInFlight: 1);

        var a = batcher.Call("e1", 1);
        var b = batcher.Call("e2", 1);

        Assert.Equal([[1]], sender.SentFor("e1"));
        Assert.Equal([[1]], sender.SentFor("e2"));
        sender.CompleteNext();
        sender.CompleteNext();
        Assert.Equal(["e1:1", "e2:1"], await Task.WhenAll(a, b));
    }

    [Fact]
    public async Task AFailedBatchFailsEachOfItsCallsAndLaterCallsStillGo()
    {
        var sender = new ScriptedSender();
        var batcher = sender.Batcher(maxBatchSize: 10, maxBatchesInFlight: 1);
        var first = batcher.Call("e1", 1);
        var second = batcher.Call("e1", 2);
        var third = batcher.Call("e1", 3);

        sender.FailNext(new TimeoutException("silo gone"));
        await Assert.ThrowsAsync<TimeoutException>(() => first);
        await sender.WaitForBatchesAsync(2);
        sender.FailNext(new InvalidOperationException("store down"));

        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message);
        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => third)).Message);
        var later = batcher.Call("e1", 4);
        sender.CompleteNext();
        Assert.Equal("e1:4", await later);
    }

    [Fact]
    public async Task AnswersOfTheWrongCountFailTheBatchNamingTheKey()
    {
        var gate = new TaskCompletionSource();
        var batcher = new KeyedCallBatcher<int, string>(
            async (_, _) =>
            {
                await gate.Task;
                return ["only one"];
            },
            maxBatchSize: 10,
            maxBatchesInFlight: 1);
        var first = batcher.Call("e9", 1);
        var second = batcher.Call("e9", 2);
        var third = batcher.Call("e9", 3);

        gate.SetResult();

        Assert.Equal("only one", await first);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Contains("'e9'", failure.Message);
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => third));
    }

    [Fact]
    public async Task AnIdleLaneIsForgotten()
    {
        var sender = new ScriptedSender();
        var batcher = sender.Batcher(maxBatchSize: 10, maxBatchesInFlight: 1);
        var answer = batcher.Call("e1", 1);
        Assert.Equal(1, batcher.ActiveKeys);

        sender.CompleteNext();
        await answer;

        await Eventually.WaitUntilAsync(() => batcher.ActiveKeys == 0, "the idle lane is removed");
    }

    [Fact]
    public async Task UnderConcurrentCallersEveryCallGetsItsOwnAnswerOnce()
    {
        var sends = 0;
        var batcher = new KeyedCallBatcher<int, string>(
            async (key, commands) =>
            {
                Interlocked.Increment(ref sends);
                await Task.Yield();
                return [.. commands.Select(c => $"{key}:{c}")];
            },
            maxBatchSize: 16,
            maxBatchesInFlight: 2);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4000).Select(i => Task.Run(() => batcher.Call($"e{i % 3}", i))));

        Assert.Equal(Enumerable.Range(0, 4000).Select(i => $"e{i % 3}:{i}"), answers);
        Assert.InRange(sends, 3, 4000);
        await Eventually.WaitUntilAsync(() => batcher.ActiveKeys == 0, "every lane is idle again");
    }

    /// <summary>A send that answers "key:command" for each command when the test says so.</summary>
    private sealed class ScriptedSender(bool autoComplete = false)
    {
        private readonly Lock _lock = new();
        private readonly List<(string Key, int[] Commands, TaskCompletionSource<IReadOnlyList<string>> Answer)> _sent = [];
        private int _completed;
        private Task? _firstGate;

        public KeyedCallBatcher<int, string> Batcher(int maxBatchSize, int maxBatchesInFlight) => new(SendAsync, maxBatchSize, maxBatchesInFlight);

        public void HoldFirstUntil(Task gate) => _firstGate = gate;

        public List<int[]> SentFor(string key)
        {
            lock (_lock) return [.. _sent.Where(s => s.Key == key).Select(s => s.Commands)];
        }

        public void CompleteNext()
        {
            var next = Next();
            next.Answer.SetResult([.. next.Commands.Select(c => $"{next.Key}:{c}")]);
        }

        public void FailNext(Exception failure) => Next().Answer.SetException(failure);

        public Task WaitForBatchesAsync(int count) =>
            Eventually.WaitUntilAsync(() => Count() >= count, $"{count} batches were sent");

        private int Count()
        {
            lock (_lock) return _sent.Count;
        }

        private (string Key, int[] Commands, TaskCompletionSource<IReadOnlyList<string>> Answer) Next()
        {
            lock (_lock) return _sent[_completed++];
        }

        private async Task<IReadOnlyList<string>> SendAsync(string key, IReadOnlyList<int> commands)
        {
            var answer = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            bool first;
            lock (_lock)
            {
                first = _sent.Count == 0;
                _sent.Add((key, [.. commands], answer));
            }

            if (!autoComplete) return await answer.Task;
            if (first && _firstGate is not null) await _firstGate;
            return [.. commands.Select(c => $"{key}:{c}")];
        }
    }
}
