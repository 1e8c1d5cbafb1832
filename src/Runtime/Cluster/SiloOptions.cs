using System.ComponentModel.DataAnnotations;

namespace Runtime.Cluster;

/// <summary>This silo's endpoint, bound from the "Silo" section.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>Port for grain calls from other processes (the silo protocol over TCP, not HTTP). Default 11111.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 11111;

    /// <summary>Port for HTTP/1.1 health endpoints and operators. Default 8080.</summary>
    [Range(1, 65535)]
    public int HealthPort { get; set; } = 8080;

    /// <summary>Host name or address other processes use to reach this silo. Default: see AdvertiseHostName and AdvertiseIpAddress, else 127.0.0.1.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>Advertise the machine (container) host name. Default false.</summary>
    public bool AdvertiseHostName { get; set; }

    /// <summary>Advertise this machine's first non-loopback IPv4 address (containers on ECS awsvpc). Default false.</summary>
    public bool AdvertiseIpAddress { get; set; }

    /// <summary>After announcing ShuttingDown, how long to keep answering while others notice. Default 2 seconds.</summary>
    public TimeSpan ShutdownNoticePeriod { get; set; } = TimeSpan.FromSeconds(2);

    public string ResolveHost()
    {
        if (!string.IsNullOrEmpty(AdvertisedHost)) return AdvertisedHost;
        if (AdvertiseHostName) return Environment.MachineName;
        if (AdvertiseIpAddress)
        {
            var address = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a));
            if (address is not null) return address.ToString();
        }

        return "127.0.0.1";
    }
}
