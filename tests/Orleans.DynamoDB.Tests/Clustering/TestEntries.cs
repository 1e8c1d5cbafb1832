using System.Net;
using Orleans;
using Orleans.Runtime;

namespace OrleansDynamoDb.Tests.Clustering;

/// <summary>Membership entries with silo addresses no other test uses.</summary>
internal static class TestEntries
{
    private static int _generation = Environment.TickCount & 0xFFFFF;

    public static SiloAddress NewSiloAddress(int port = 11111) =>
        SiloAddress.New(IPAddress.Loopback, port, Interlocked.Increment(ref _generation));

    public static MembershipEntry New(SiloStatus status = SiloStatus.Joining, int proxyPort = 30000, DateTime? aliveAt = null)
    {
        // Whole seconds, like Orleans' conformance tests: stores need not keep sub-second precision.
        var now = aliveAt ?? WholeSeconds(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = NewSiloAddress(),
            Status = status,
            ProxyPort = proxyPort,
            HostName = "host-a",
            SiloName = "silo-" + Interlocked.Increment(ref _generation),
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    public static DateTime WholeSeconds(DateTime time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
