namespace Runtime.Cluster;

/// <summary>A grain call failed on another silo with an unexpected error (a broken invariant there).</summary>
public sealed class GrainCallException(GrainId grainId, string method, string message)
    : Exception($"Call {method} on {grainId} failed remotely: {message}")
{
    public GrainId GrainId { get; } = grainId;
}
