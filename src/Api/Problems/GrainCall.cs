using Runtime;

namespace Api.Problems;

/// <summary>
/// Retries a grain call that failed for a reason a retry can fix (a storage conflict deactivated
/// the activation, ownership moved). Overload is not retried here: piling retries onto a full
/// queue makes it worse, so it goes straight back to the client as 503 + Retry-After.
/// </summary>
public static class GrainCall
{
    public const int MaxAttempts = 4;

    public static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RetriableGrainException e) when (e is not OverloadedException && attempt < MaxAttempts)
            {
            }
        }
    }

    /// <summary>The same with explicit state, so hot paths do not allocate a closure per request.</summary>
    public static async Task<T> Retry<TState, T>(TState state, Func<TState, Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(state);
            }
            catch (RetriableGrainException e) when (e is not OverloadedException && attempt < MaxAttempts)
            {
            }
        }
    }
}
