using System.ComponentModel.DataAnnotations;

namespace Runtime.Cluster;

/// <summary>Cluster settings shared by silos and clients, bound from the "Cluster" section.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>OneProcess (the API hosts a silo; default), Silo, or Client (the API calls silos).</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.OneProcess;

    /// <summary>Silos and clients with the same id form one cluster. Default "booking".</summary>
    [Required]
    public string ClusterId { get; set; } = "booking";

    /// <summary>Shared secret a process presents when it connects to a silo's call port. Required in Silo and Client modes.</summary>
    public string? Secret { get; set; }

    /// <summary>How often silos heartbeat and every process re-reads membership. Default 1 second.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo whose heartbeat is older than this is declared dead. Default 8 seconds (detected within 10 s).</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Longest time a call keeps retrying on other silos while the cluster changes. Default 15 seconds.</summary>
    public TimeSpan CallRetryBudget { get; set; } = TimeSpan.FromSeconds(15);
}
