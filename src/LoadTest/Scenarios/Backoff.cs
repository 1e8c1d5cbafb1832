using System.Diagnostics;
using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>How long a closed-loop worker pauses after a failed call before its next one.</summary>
internal static class Backoff
{
    private static readonly TimeSpan s_maxRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_defaultOverloaded = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_transport = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Honours Retry-After: in full on 429 (the limiter says when a token is back; coming sooner only
    /// earns another 429), capped at 1 s on 503; a short pause after transport failures; none otherwise.
    /// </summary>
    public static TimeSpan After<T>(ApiResult<T> result) where T : class
    {
        if (result.Outcome == Outcome.RateLimited)
        {
            var wait = result.RetryAfter ?? s_maxRetryAfter;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        if (result.Outcome == Outcome.Overloaded)
        {
            var wait = result.RetryAfter ?? s_defaultOverloaded;
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            return wait > s_maxRetryAfter ? s_maxRetryAfter : wait;
        }

        return result.Outcome == Outcome.Transport ? s_transport : TimeSpan.Zero;
    }

    /// <summary>
    /// Calls until the answer is not 429, waiting each Retry-After inside the run's window: a hold
    /// that was placed still gets confirmed or released. Every attempt is recorded, 429s as
    /// <see cref="Outcome.RateLimited"/>.
    /// </summary>
    public static async Task<ApiResult<T>> RetryRateLimitedAsync<T>(Func<Task<ApiResult<T>>> call, OperationStats stats, RunWindow window, CancellationToken ct)
        where T : class
    {
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await call();
            stats.Record(result.Outcome, start, Stopwatch.GetTimestamp(), window.IsMeasured(start));
            if (result.Outcome != Outcome.RateLimited || window.IsOver(Stopwatch.GetTimestamp())) return result;
            await DelayAsync(After(result), window, ct);
        }
    }

    public static Task DelayAsync(TimeSpan delay, RunWindow window, CancellationToken ct)
    {
        var clamped = window.ClampDelay(delay);
        return clamped <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(clamped, ct);
    }
}
