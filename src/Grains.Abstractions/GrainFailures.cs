using Orleans.Runtime;
using Orleans.Storage;

namespace Grains.Abstractions;

/// <summary>
/// Which failures of a grain call a later retry can fix: one classification for the grains (outbox
/// deliveries that retry later) and the API (its retries and 503 answers).
/// </summary>
public static class GrainFailures
{
    /// <summary>The callee was replaced, moved or unreachable (a silo died or is leaving), or its answer was lost.</summary>
    public static bool IsTransient(Exception e) =>
        e is RetriableGrainException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;

    /// <summary>Transient, or a storage conflict of the callee (its activation reloads and the retry succeeds).</summary>
    public static bool IsTransientOrConflict(Exception e) => IsTransient(e) || e is InconsistentStateException;

    /// <summary>The cluster turned the call away as too busy: retrying at once would make it worse.</summary>
    public static bool IsOverloaded(Exception e) => e is GatewayTooBusyException or LimitExceededException;
}
