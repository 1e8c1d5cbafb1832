namespace Runtime.Cluster;

public enum ClusterMode
{
    OneProcess,
    Silo,
    Client,
}
