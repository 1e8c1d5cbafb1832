namespace Runtime;

/// <summary>
/// A conditional storage write found a version other than the one this activation read: another
/// activation wrote first. The activation is deactivated and the call may be retried.
/// </summary>
public sealed class InconsistentStateException(GrainId grainId, long expectedVersion, string detail)
    : RetriableGrainException($"Storage conflict for {grainId}: expected version {expectedVersion}; {detail}.")
{
    public GrainId GrainId { get; } = grainId;
    public long ExpectedVersion { get; } = expectedVersion;
}
