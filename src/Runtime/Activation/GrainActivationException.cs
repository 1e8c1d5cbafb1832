namespace Runtime.Activation;

/// <summary>A grain failed to activate (constructor, state read or OnActivateAsync threw).</summary>
public sealed class GrainActivationException(GrainId grainId, Exception inner)
    : Exception($"Activation of {grainId} failed: {inner.Message}", inner)
{
    public GrainId GrainId { get; } = grainId;
}
