using System.Diagnostics;
using LoadTest.Audit;
using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>
/// The scanners' closed loop: each takes the next scan of the plan, posts its code with the gate's
/// staff token and waits for the answer. The pair of scans of a ticket sits side by side in the plan,
/// so two scanners post the same code at about the same time from two gates. The phase ends when
/// every planned scan was answered or the window closed.
/// </summary>
internal sealed class CheckInLoad(ApiClient api, DoorTickets door, PlannedScan[] plan, IReadOnlyList<string> gates, string[] gateAuthorizations, int scanners)
{
    // Serialized before the door opens, so the scanners only send.
    private readonly byte[][] _bodies = plan.Select(scan => ApiClient.CheckInBody(door.Codes[scan.Ticket], gates[scan.Gate])).ToArray();
    private readonly ScanAnswer?[] _answers = new ScanAnswer?[plan.Length];
    private int _next = -1;
    private int _activeScanners;

    public WorkerStats[] Workers { get; } = Enumerable.Range(0, scanners).Select(_ => new WorkerStats()).ToArray();

    public int ActiveScanners => Volatile.Read(ref _activeScanners);

    /// <summary>The answer to every scan that was taken, in plan order; read after <see cref="RunAsync"/>.</summary>
    public IEnumerable<ScanAnswer> Answers => _answers.Where(a => a is not null).Select(a => a!.Value);

    public async Task<LoadPhaseResult> RunAsync(RunWindow window, CancellationToken ct)
    {
        _activeScanners = Workers.Length;
        var tasks = Workers.Select(stats => Task.Run(async () =>
        {
            try
            {
                await RunScannerAsync(stats, window, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _activeScanners);
            }
        }, CancellationToken.None)).ToArray();
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

    private async Task RunScannerAsync(WorkerStats stats, RunWindow window, CancellationToken ct)
    {
        var checkIn = stats[Operation.CheckIn];
        while (!ct.IsCancellationRequested && !window.IsOver(Stopwatch.GetTimestamp()))
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= plan.Length) return;
            var scan = plan[index];
            var authorization = gateAuthorizations[scan.Gate];
            var result = await Backoff.RetryRateLimitedAsync(() => api.CheckInAsync(authorization, door.Event, _bodies[index], ct), checkIn, window, ct);
            _answers[index] = new ScanAnswer(scan.Ticket, scan.Gate, result.Status, result.Value?.TicketId, result.Value?.Status);
            // A refused scan (409) is an answer like an admission; only failures pause the scanner.
            if (!result.IsOk && result.Outcome != Outcome.Conflict) await Backoff.DelayAsync(Backoff.After(result), window, ct);
        }
    }
}
