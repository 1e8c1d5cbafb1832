using TestKit;

namespace Cluster.Tests;

public sealed class GrainPlacement(ITestOutputHelper output)
{
    [Fact]
    public async Task GrainsSpreadOverTheSilosWhoseGrainPortsRequireTheClusterSecret()
    {
        await using var cluster = await ClusterProcesses.StartAsync("spread", silos: 3, log: output.WriteLine);
        await cluster.RunAsync(async () =>
        {
            var api = new BookingApi(cluster.Api);
            var organizer = await cluster.OperatorTokenAsync();
            var venue = await api.CreateVenueAsync(organizer, rows: 1, seatsPerRow: 10);
            var events = await api.CreateEventsAsync(organizer, venue, "spread", count: 30, holdTtlSeconds: 300);
            var buyer = await cluster.TokenAsync("spread-buyer");
            foreach (var eventId in events)
            {
                var hold = await api.PlaceHoldAsync(buyer, eventId, 1);
                Assert.True(hold.Status == 201, $"hold on {eventId}: {hold.Describe()}");
            }

            cluster.Note($"{events.Count} events created and held");

            // Activation counts reach the table with each heartbeat. A timeout falls through to
            // the assertions, which say what was missing.
            ClusterReport? report = null;
            await Eventually.WaitUntilAsync(
                async () =>
                {
                    report = await cluster.MembershipAsync();
                    var active = report.Silos.Where(s => s.Status == "Active").ToList();
                    return active.Count == 3 && active.All(s => s.Activations > 0) && active.Sum(s => s.Activations) >= events.Count;
                },
                "every silo reports activations",
                TimeSpan.FromSeconds(10)).ContinueWith(static _ => { }, TaskScheduler.Default);

            cluster.Note($"membership: {ClusterProcesses.Describe(report)}");
            var silos = report!.Silos.Where(s => s.Status == "Active").ToList();
            Assert.Equal(3, silos.Count);
            Assert.All(cluster.Silos, s => Assert.Contains(silos, row => row.Address == s.Address));
            Assert.All(silos, s => Assert.True(s.Activations > 0, $"silo {s.SiloId} has no activations: {ClusterProcesses.Describe(report)}"));
            Assert.True(silos.Sum(s => s.Activations) >= events.Count, $"fewer activations than events: {ClusterProcesses.Describe(report)}");

            // The silos' grain port refuses connections that do not open with the cluster secret:
            // it answers with an Error frame for the whole connection (id 0) and closes it.
            foreach (var secret in new[] { "", "not-the-secret" })
            {
                var refusal = await RefusalAsync(cluster.Silos[0].GrainPort, secret, events[0]);
                Assert.Contains("cluster secret missing or wrong", refusal);
            }
        });
    }

    /// <summary>Speaks the silo protocol by hand: Hello with <paramref name="secret"/>, then a call; returns the refusal's text.</summary>
    private static async Task<string> RefusalAsync(int port, string secret, string eventId)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        await socket.SendAsync(Frame(1, 0, secret));
        await socket.SendAsync(Frame(2, 1, $"{{\"grain\":\"event/{eventId}\",\"method\":\"IEventGrain.Get\",\"args\":[]}}"));

        var received = new List<byte>();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await socket.ReceiveAsync(buffer, System.Net.Sockets.SocketFlags.None, timeout.Token)) > 0) received.AddRange(buffer[..read]);

        // Exactly one frame came back before the silo closed the connection: [length][kind 4 = Error][id 0][error JSON].
        var bytes = received.ToArray();
        Assert.True(bytes.Length >= 13, $"expected a refusal frame, got {bytes.Length} bytes");
        Assert.Equal(bytes.Length - 4, BitConverter.ToInt32(bytes, 0));
        Assert.Equal(4, bytes[4]);
        Assert.Equal(0L, BitConverter.ToInt64(bytes, 5));
        return System.Text.Encoding.UTF8.GetString(bytes, 13, bytes.Length - 13);
    }

    private static byte[] Frame(byte kind, long id, string payload)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(payload);
        var frame = new byte[13 + body.Length];
        BitConverter.TryWriteBytes(frame.AsSpan(0), 9 + body.Length);
        frame[4] = kind;
        BitConverter.TryWriteBytes(frame.AsSpan(5), id);
        body.CopyTo(frame, 13);
        return frame;
    }
}
