namespace Runtime;

/// <summary>A call failed for a reason that a retry can fix (overload, lost ownership, storage conflict).</summary>
public class RetriableGrainException(string message, Exception? inner = null) : Exception(message, inner);
