using System.Diagnostics;
using TestKit;

namespace Cluster.Tests;

public sealed class GracefulLeave(ITestOutputHelper output)
{
    private const int EventCount = 12;
    private const int Rows = 10;
    private const int SeatsPerRow = 10;
    private const int BuyerCount = 10;
    private const int HoldTtlSeconds = 120;

    private static readonly TimeSpan _terminateAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _keepGoingAfterExit = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task TerminatedSiloHandsOverWithoutClientErrors()
    {
        await using var cluster = await ClusterProcesses.StartAsync("leave", silos: 3, log: output.WriteLine);
        await cluster.RunAsync(async () =>
        {
            var api = new BookingApi(cluster.Api);
            var admin = await cluster.OperatorTokenAsync();
            var venue = await api.CreateVenueAsync(admin, Rows, SeatsPerRow);
            var events = await api.CreateEventsAsync(admin, venue, "leave", EventCount, HoldTtlSeconds);
            var buyers = await Buyers.CreateAsync(cluster, "leave", BuyerCount);

            var ledger = new Ledger();
            var clock = Stopwatch.StartNew();
            var stopTicks = long.MaxValue;
            var traffic = new Storm(api, buyers, events, ledger) { ConfirmProbability = 0.5, MaxQuantity = 2, ReadBackProbability = 0.5 }
                .RunAsync(() => clock.Elapsed.Ticks < Volatile.Read(ref stopTicks));

            int exitCode;
            ClusterSilo leaver;
            var exitedAt = DateTimeOffset.MaxValue;
            var terminatedAt = DateTimeOffset.MaxValue;
            ClusterReportSilo? rowAtExit;
            try
            {
                await Task.Delay(_terminateAfter);
                leaver = await SiloCrash.BusiestSiloAsync(cluster);
                terminatedAt = DateTimeOffset.UtcNow;
                exitCode = await cluster.TerminateSiloAsync(leaver.Index);
                exitedAt = DateTimeOffset.UtcNow;
                rowAtExit = ClusterProcesses.RowOf(await cluster.MembershipAsync(), leaver);
                cluster.Note($"membership right after the exit: {ClusterProcesses.Describe(await cluster.MembershipAsync())}");
                await Task.Delay(_keepGoingAfterExit);
            }
            finally
            {
                Volatile.Write(ref stopTicks, 0);
                await traffic;
            }

            var started = DateTimeOffset.UtcNow - clock.Elapsed;
            cluster.Note($"traffic over: {ledger.Summary()}");
            cluster.Note(
                $"slowest answer before SIGTERM {ledger.SlowestBetween(started, terminatedAt).TotalMilliseconds:0} ms, " +
                $"until exit {ledger.SlowestBetween(terminatedAt, exitedAt).TotalMilliseconds:0} ms, " +
                $"after {ledger.SlowestBetween(exitedAt, DateTimeOffset.MaxValue).TotalMilliseconds:0} ms");

            // A clean exit, having written itself Dead: a silo declared dead by the others keeps
            // its last heartbeat, older than DeadAfter; one that left writes Dead with a fresh one.
            Assert.Equal(0, exitCode);
            Assert.True(rowAtExit is { Status: "Dead" }, $"right after its exit the silo is {rowAtExit?.Status ?? "missing"} in membership");
            Assert.True(
                rowAtExit!.HeartbeatAgeSeconds < ClusterProcesses.DeadAfter.TotalSeconds,
                $"the silo's last heartbeat is {rowAtExit.HeartbeatAgeSeconds}s old: it was declared dead rather than leaving");
            var log = await File.ReadAllTextAsync(leaver.Process.LogPath);
            Assert.DoesNotContain("was cut short", log, StringComparison.Ordinal);

            // Clients noticed nothing: no 5xx, no broken connection, and service went on.
            Assert.True(ledger.Failures.Count == 0, "Failed requests: " + Checks.List(ledger.Failures));
            Assert.Contains(ledger.Holds, h => h.AckedAt > exitedAt);
            await cluster.WaitForActiveSilosAsync(2);
        });
    }
}
