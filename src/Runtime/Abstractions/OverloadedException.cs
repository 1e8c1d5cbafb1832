namespace Runtime;

/// <summary>The activation's queue is full; the caller should retry after a short pause.</summary>
public sealed class OverloadedException(GrainId grainId, int queueLength, int limit)
    : RetriableGrainException($"Grain {grainId} is overloaded: {queueLength} calls queued, limit {limit}.")
{
    public GrainId GrainId { get; } = grainId;
    public int QueueLength { get; } = queueLength;
    public int Limit { get; } = limit;
}
