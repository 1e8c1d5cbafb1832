namespace Runtime.Cluster;

/// <summary>Error kinds of the internal call protocol, carried in Error frames.</summary>
internal static class WireErrors
{
    public const string WrongSilo = "wrong-silo";
    public const string Overloaded = "overloaded";
    public const string Retriable = "retriable";
    public const string Failed = "failed";
}
