using System.ComponentModel.DataAnnotations;
using Orleans.Configuration;

namespace Grains.Hosting;

/// <summary>Which cluster a process belongs to and how; bound from the "Cluster" configuration section.</summary>
public sealed class ClusterHostingOptions
{
    public const string SectionName = "Cluster";

    /// <summary>OneProcess, Client or Silo. Default OneProcess.</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.OneProcess;

    /// <summary>Orleans ClusterId: silos and clients with the same id form one cluster. Default "booking".</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$")]
    public string ClusterId { get; set; } = "booking";

    /// <summary>Orleans ServiceId: stable across deployments, it keys the reminders and grain state. Default "booking".</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]+$")]
    public string ServiceId { get; set; } = "booking";

    /// <summary>Orleans' own cluster identity, the same for silos and clients.</summary>
    public void ApplyTo(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }
}
