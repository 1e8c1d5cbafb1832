using System.Diagnostics;
using System.Globalization;
using LoadTest.Metrics;
using LoadTest.Scenarios;
using Spectre.Console;

namespace LoadTest.Reporting;

/// <summary>Live progress while a phase runs: requests/s (recent and overall), errors, active workers.</summary>
internal static class LiveProgress
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(500);

    public static async Task<T> ShowAsync<T>(IAnsiConsole console, bool quiet, string title, RunWindow window,
        IReadOnlyList<WorkerStats> workers, Func<int> activeWorkers, Task<T> phase)
    {
        // Without ANSI (--quiet, or output redirected: Spectre.Console 0.55+ no longer writes cursor
        // movement to a pipe) each update would be appended to the last, one endless line in the log.
        if (quiet || !console.Profile.Capabilities.Ansi)
        {
            return await phase;
        }

        await console.Live(new Markup(Markup.Escape(title))).AutoClear(false).StartAsync(async ctx =>
        {
            long lastRequests = 0;
            var lastTimestamp = window.StartTimestamp;
            while (!phase.IsCompleted)
            {
                await Task.WhenAny(phase, Task.Delay(s_interval));
                var now = Stopwatch.GetTimestamp();
                long requests = 0, errors = 0;
                foreach (var worker in workers)
                {
                    requests += worker.LiveRequests;
                    errors += worker.LiveErrors;
                }

                var interval = (now - lastTimestamp) / (double)Stopwatch.Frequency;
                var recent = interval > 0 ? (requests - lastRequests) / interval : 0;
                var elapsed = window.ElapsedSeconds(now);
                var stage = window.InWarmup(now) ? "[yellow]warmup[/]" : window.IsOver(now) ? "[grey]draining[/]" : "[green]measuring[/]";
                ctx.UpdateTarget(new Markup(
                    $"[bold]{Markup.Escape(title)}[/] {stage} {F(elapsed)} s · {requests:N0} requests · " +
                    $"{F(recent)} req/s now · {F(elapsed > 0 ? requests / elapsed : 0)} req/s overall · " +
                    $"errors {errors:N0} · active {activeWorkers()}"));
                lastRequests = requests;
                lastTimestamp = now;
            }
        });

        return await phase;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
