namespace Runtime.Cluster.Messaging;

/// <summary>A silo could not be reached, or the connection broke before a call was answered: the router retries elsewhere.</summary>
internal sealed class SiloUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
