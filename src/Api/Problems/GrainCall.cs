using Grains.Abstractions;
using Orleans.Runtime;
using Orleans.Storage;

namespace Api.Problems;

/// <summary>
/// Retries a grain call that failed for a reason a retry can fix: a storage conflict or a journal
/// failure replaced the activation, or the silo that held it left or is leaving the cluster.
/// Overload is not retried here: piling retries onto a busy gateway makes it worse, so it goes
/// straight back to the client as 503 + Retry-After.
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

    public static bool IsRetriable(Exception exception) => IsUnavailable(exception) && !IsOverloaded(exception);

    /// <summary>Failures that mean "not right now" (503), never a broken request or a bug.</summary>
    public static bool IsUnavailable(Exception exception) => exception is
        RetriableGrainException or InconsistentStateException or SiloUnavailableException or OrleansMessageRejectionException
        || IsOverloaded(exception);

    public static bool IsOverloaded(Exception exception) => exception is GatewayTooBusyException or LimitExceededException;
}
