using System.ComponentModel.DataAnnotations;

namespace Runtime.Hosting;

/// <summary>Settings of the activation layer, bound from the "Runtime" configuration section.</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "Runtime";

    /// <summary>An activation unused for this long is deactivated. Default 15 minutes.</summary>
    public TimeSpan IdleAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 minute.</summary>
    public TimeSpan CollectionPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Calls allowed to wait in one activation's queue before new calls are refused as overloaded. Default 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxQueueLength { get; set; } = 10_000;

    /// <summary>Longest wait for in-flight calls when an activation is deactivated. Default 30 seconds.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
