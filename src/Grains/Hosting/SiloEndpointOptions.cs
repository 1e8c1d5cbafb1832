using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Grains.Hosting;

/// <summary>Where a silo listens and what address it advertises; bound from the "Silo" configuration section.</summary>
public sealed class SiloEndpointOptions
{
    public const string SectionName = "Silo";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 11111;

    /// <summary>Gateway port for Orleans clients (the API in cluster mode); 0 for none. Default 30000.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Port of the silo process's health endpoints (/health/live, /health/ready). Default 8080.</summary>
    [Range(1, 65535)]
    public int HealthPort { get; set; } = 8080;

    /// <summary>Address other silos and clients use to reach this one. Default: see <see cref="AdvertiseIpAddress"/>.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Advertise the first non-loopback IPv4 address: on ECS awsvpc that is the task's own IP, the
    /// only one other tasks can reach. Default false: 127.0.0.1, for one machine.
    /// </summary>
    public bool AdvertiseIpAddress { get; set; }

    public IPAddress ResolveAdvertisedAddress()
    {
        if (!string.IsNullOrEmpty(AdvertisedAddress))
        {
            return IPAddress.TryParse(AdvertisedAddress, out var parsed)
                ? parsed
                : Dns.GetHostAddresses(AdvertisedAddress).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        }

        if (AdvertiseIpAddress)
        {
            var address = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
            if (address is not null) return address;
        }

        return IPAddress.Loopback;
    }
}
