using Grains.Abstractions;
using Polly;
using Polly.Retry;

namespace Api.Problems;

/// <summary>
/// Retries a grain call that failed for a reason a retry can fix: a storage conflict or a journal
/// failure replaced the activation, the silo that held it (or the gateway the call went through)
/// died or is leaving, or the answer was lost. Retrying is safe because every mutation is
/// idempotent within a request (holds carry the request's id, the rest are idempotent by key).
/// The delays (0.5, 1, 2 s, with jitter) outlast the seconds Orleans needs to declare a killed
/// silo dead, or to move the grains of a silo that is shutting down under load. Overload is not retried here: piling retries onto a busy gateway makes it worse, so
/// it goes straight back to the client as 503 + Retry-After.
/// </summary>
public static class GrainCall
{
    /// <summary>The first attempt and three retries.</summary>
    public const int MaxAttempts = 4;

    private static readonly ResiliencePipeline s_retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetriable),
            MaxRetryAttempts = MaxAttempts - 1,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        // Nearly every call succeeds at once, so the first attempt runs outside the pipeline; a
        // retriable failure enters it as its first outcome and gets the same delays and retries.
        try
        {
            return await call();
        }
        catch (Exception e) when (IsRetriable(e))
        {
            return await s_retry.ExecuteAsync(static async (attempts, _) => await attempts.Next(), new Attempts<T>(e, call));
        }
    }

    /// <summary>Hands the pipeline the first attempt's failure, then a new call for each retry.</summary>
    private sealed class Attempts<T>(Exception firstFailure, Func<Task<T>> call)
    {
        private Exception? _firstFailure = firstFailure;

        public Task<T> Next()
        {
            if (_firstFailure is not { } failure) return call();
            _firstFailure = null;
            return Task.FromException<T>(failure);
        }
    }

    public static bool IsRetriable(Exception exception) => GrainFailures.IsTransientOrConflict(exception);

    /// <summary>Failures that mean "not right now" (503), never a broken request or a bug.</summary>
    public static bool IsUnavailable(Exception exception) => GrainFailures.IsTransientOrConflict(exception) || GrainFailures.IsOverloaded(exception);
}
