namespace Runtime.Cluster;

/// <summary>Error kinds of the internal call protocol, and the HTTP statuses that carry them.</summary>
internal static class WireErrors
{
    public const string WrongSilo = "wrong-silo";
    public const string Overloaded = "overloaded";
    public const string Retriable = "retriable";
    public const string Failed = "failed";

    public const int WrongSiloStatus = 421;
    public const int OverloadedStatus = 503;
    public const int RetriableStatus = 409;
    public const int FailedStatus = 500;

    public const string SecretHeader = "X-Cluster-Secret";
    public const string CallPath = "/internal/calls";
}
