using LoadTest.Http;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>How long a closed-loop worker pauses after a failed call before its next one.</summary>
internal static class Backoff
{
    private static readonly TimeSpan s_maxRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_defaultOverloaded = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_transport = TimeSpan.FromMilliseconds(20);

    /// <summary>Honours Retry-After on 503/429 (capped at 1 s); a short pause after transport failures; none otherwise.</summary>
    public static TimeSpan After<T>(ApiResult<T> result) where T : class
    {
        if (result.Outcome == Outcome.Overloaded || result.Status == 429)
        {
            var wait = result.RetryAfter ?? s_defaultOverloaded;
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            return wait > s_maxRetryAfter ? s_maxRetryAfter : wait;
        }

        return result.Outcome == Outcome.Transport ? s_transport : TimeSpan.Zero;
    }

    public static Task DelayAsync(TimeSpan delay, RunWindow window, CancellationToken ct)
    {
        var clamped = window.ClampDelay(delay);
        return clamped <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(clamped, ct);
    }
}
