using Runtime;
using Runtime.Activation;

namespace Api.Problems;

/// <summary>
/// Retries a grain call that failed for a reason a retry can fix (a storage conflict deactivated
/// the activation, ownership moved). Overload is not retried here: piling retries onto a full
/// queue makes it worse, so it goes straight back to the client as 503 + Retry-After.
/// </summary>
public static class GrainCall
{
    /// <summary>The first attempt and three retries.</summary>
    public const int MaxAttempts = 4;

    public static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetriable(e))
            {
            }
        }
    }

    public static bool IsRetriable(Exception exception) =>
        AsRetriable(exception) is { } retriable && retriable is not OverloadedException;

    /// <summary>The retriable cause, whether thrown by the call or by the activation it needed.</summary>
    public static RetriableGrainException? AsRetriable(Exception exception) =>
        exception as RetriableGrainException ?? (exception as GrainActivationException)?.InnerException as RetriableGrainException;
}
