namespace Grains.Abstractions;

/// <summary>
/// A grain call failed for a reason that a retry can fix (a journal write failed and the activation
/// is being replaced, a silo is shutting down). The API retries it a few times, then answers 503.
/// </summary>
[GenerateSerializer, Alias("RetriableGrainException")]
public class RetriableGrainException : Exception
{
    public RetriableGrainException()
    {
    }

    public RetriableGrainException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
