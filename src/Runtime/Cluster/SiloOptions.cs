using System.ComponentModel.DataAnnotations;

namespace Runtime.Cluster;

/// <summary>This silo's endpoint, bound from the "Silo" section.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Port for grain calls from other processes: HTTP/2 without TLS (h2c) only. Default 11111.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 11111;

    /// <summary>Port for HTTP/1.1 health endpoints and operators (h2c ports cannot serve HTTP/1). Default 8080.</summary>
    [Range(1, 65535)]
    public int HealthPort { get; set; } = 8080;

    /// <summary>Host name other processes use to reach this silo. Default 127.0.0.1, or the machine name when AdvertiseHostName is true.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Advertise the machine (container) host name. Default false.</summary>
    public bool AdvertiseHostName { get; set; }

    /// <summary>After announcing ShuttingDown, how long to keep answering while others notice. Default 2 seconds.</summary>
    public TimeSpan ShutdownNoticePeriod { get; set; } = TimeSpan.FromSeconds(2);

    public string ResolveHost() => AdvertisedHost ?? (AdvertiseHostName ? Environment.MachineName : "127.0.0.1");
}
