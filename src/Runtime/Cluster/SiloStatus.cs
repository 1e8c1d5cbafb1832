namespace Runtime.Cluster;

public enum SiloStatus
{
    Joining,
    Active,
    ShuttingDown,
    Dead,
}
