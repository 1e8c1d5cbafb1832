using System.Collections.Concurrent;

namespace Api.Batching;

/// <summary>
/// Coalesces concurrent calls for the same key into batches. A call leaves at once while fewer
/// than <c>maxBatchesInFlight</c> batches are out for its key; otherwise it waits for the next one
/// to come back and leaves with everything queued meanwhile. So an idle key adds no delay, and a
/// hot key (one event, thousands of buyers) pays one grain message per batch instead of per call.
/// </summary>
public sealed class KeyedCallBatcher<TCommand, TResult>
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<TCommand>, Task<IReadOnlyList<TResult>>> _send;
    private readonly int _maxBatchSize;
    private readonly int _maxBatchesInFlight;

    /// <param name="send">Sends one batch for a key; answers one result per command, in order.</param>
    public KeyedCallBatcher(Func<string, IReadOnlyList<TCommand>, Task<IReadOnlyList<TResult>>> send, int maxBatchSize, int maxBatchesInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchesInFlight, 1);
        _send = send;
        _maxBatchSize = maxBatchSize;
        _maxBatchesInFlight = maxBatchesInFlight;
    }

    /// <summary>Keys with a batch out or calls waiting (idle keys are forgotten).</summary>
    public int ActiveKeys => _lanes.Count;

    public Task<TResult> Call(string key, TCommand command)
    {
        var call = new PendingCall(command);
        while (true)
        {
            var lane = _lanes.GetOrAdd(key, static k => new Lane(k));
            List<PendingCall>? batch;
            lock (lane)
            {
                // A lane removed while we looked it up takes no more calls: use its successor.
                if (lane.Retired) continue;
                lane.Waiting.Enqueue(call);
                batch = lane.InFlight < _maxBatchesInFlight ? TakeBatch(lane) : null;
                if (batch is not null) lane.InFlight++;
            }

            if (batch is not null) _ = SendAsync(lane, batch);
            return call.Result.Task;
        }
    }

    private async Task SendAsync(Lane lane, List<PendingCall> batch)
    {
        while (true)
        {
            await SendOneAsync(lane.Key, batch);
            lock (lane)
            {
                if (lane.Waiting.Count > 0)
                {
                    batch = TakeBatch(lane);
                    continue;
                }

                if (--lane.InFlight == 0)
                {
                    lane.Retired = true;
                    _lanes.TryRemove(new KeyValuePair<string, Lane>(lane.Key, lane));
                }

                return;
            }
        }
    }

    private async Task SendOneAsync(string key, List<PendingCall> batch)
    {
        try
        {
            var commands = new TCommand[batch.Count];
            for (var i = 0; i < commands.Length; i++) commands[i] = batch[i].Command;
            var results = await _send(key, commands);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"A batch of {batch.Count} calls for '{key}' came back with {results.Count} results.");
            }

            for (var i = 0; i < results.Count; i++) batch[i].Result.TrySetResult(results[i]);
        }
        catch (Exception e)
        {
            // The batch shares its fate: each caller sees the failure and may retry on its own.
            foreach (var call in batch) call.Result.TrySetException(e);
        }
    }

    private List<PendingCall> TakeBatch(Lane lane)
    {
        var batch = new List<PendingCall>(Math.Min(lane.Waiting.Count, _maxBatchSize));
        while (batch.Count < _maxBatchSize && lane.Waiting.TryDequeue(out var call)) batch.Add(call);
        return batch;
    }

    private sealed class Lane(string key)
    {
        public string Key { get; } = key;

        public Queue<PendingCall> Waiting { get; } = new();

        public int InFlight { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class PendingCall(TCommand command)
    {
        public TCommand Command { get; } = command;

        // Answers run on the thread pool, not inline on the loop that sends the next batch.
        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
