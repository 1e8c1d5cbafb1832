using System.Diagnostics;
using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>The same client and concurrency against the trivial GET /health/live: the machine's HTTP ceiling.</summary>
internal sealed class CeilingLoad(ApiClient api, int workers)
{
    public const string Path = "health/live";

    public WorkerStats[] Workers { get; } = Enumerable.Range(0, workers).Select(_ => new WorkerStats()).ToArray();

    public async Task<LoadPhaseResult> RunAsync(RunWindow window, CancellationToken ct)
    {
        var tasks = Workers.Select(stats => Task.Run(() => RunWorkerAsync(stats, window, ct), CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Interrupted: report what was measured so far.
        }

        return new LoadPhaseResult(WorkerStats.Merge(Workers), window.MeasuredSeconds(Stopwatch.GetTimestamp()), [], 0);
    }

    private async Task RunWorkerAsync(WorkerStats stats, RunWindow window, CancellationToken ct)
    {
        var ceiling = stats[Operation.Ceiling];
        while (!ct.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            if (window.IsOver(start)) return;
            var result = await api.HealthAsync(Path, ct);
            ceiling.Record(result.Outcome, start, Stopwatch.GetTimestamp(), window.IsMeasured(start));
            if (!result.IsOk) await Backoff.DelayAsync(Backoff.After(result), window, ct);
        }
    }
}
