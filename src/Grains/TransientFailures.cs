using Grains.Abstractions;
using Orleans.Storage;

namespace Grains;

/// <summary>Failures of a call to another grain that a later retry can fix; expected while silos come and go.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception e) =>
        e is RetriableGrainException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;

    /// <summary>Transient, or a storage conflict of the other grain (it reloads and the retry succeeds).</summary>
    public static bool IsTransientOrConflict(Exception e) => IsTransient(e) || e is InconsistentStateException;
}
