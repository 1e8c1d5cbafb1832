namespace Grains.Hosting;

/// <summary>What a process is in the Orleans cluster.</summary>
public enum ClusterMode
{
    /// <summary>The API hosts a silo itself (./run.sh, the API tests).</summary>
    OneProcess,

    /// <summary>The API is an Orleans client of separate silos found through the membership table.</summary>
    Client,

    /// <summary>A silo process (src/Silo).</summary>
    Silo,
}
