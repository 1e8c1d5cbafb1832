using System.Diagnostics;
using System.Net.Sockets;
using TestKit;

namespace Cluster.Tests;

/// <summary>
/// Three silos under steady hold traffic; the busiest one gets SIGTERM (as from an orchestrator)
/// and the traffic goes on for a while after it exited. While it leaves, the test watches its
/// membership row and, once it reads ShuttingDown, checks that its grain port still takes calls.
/// </summary>
public sealed class LeaveScenario : ClusterScenario
{
    private const int EventCount = 12;
    // 3,600 seats: the storm must not sell out before the leave, or no hold after it could show that service went on.
    private const int Rows = 30;
    private const int SeatsPerRow = 10;
    private const int BuyerCount = 10;
    private const int HoldTtlSeconds = 120;

    private static readonly TimeSpan _terminateAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _keepGoingAfterExit = TimeSpan.FromSeconds(3);

    protected override string Name => "leave";

    protected override int SiloCount => 3;

    public Ledger Ledger { get; } = new();

    public ClusterSilo Leaver { get; private set; } = null!;

    public int ExitCode { get; private set; } = -1;

    public DateTimeOffset ExitedAt { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>The leaver's membership row read right after it exited.</summary>
    public ClusterReportSilo? RowAtExit { get; private set; }

    /// <summary>What a connection to the leaver's grain port met while membership said ShuttingDown; null if that was never seen.</summary>
    public string? GrainPortWhileShuttingDown { get; private set; }

    protected override async Task RunAsync()
    {
        var api = new BookingApi(Cluster.Api);
        var admin = await Cluster.OperatorTokenAsync();
        var venue = await api.CreateVenueAsync(admin, Rows, SeatsPerRow);
        var events = await api.CreateEventsAsync(admin, venue, "leave", EventCount, HoldTtlSeconds);
        var buyers = await Buyers.CreateAsync(Cluster, "leave", BuyerCount);

        // Before the traffic starts, so that the leave comes about two seconds into it.
        await Cluster.ConnectObserverAsync();

        var clock = Stopwatch.StartNew();
        var stopTicks = long.MaxValue;
        var traffic = new Storm(api, buyers, events, Ledger) { ConfirmProbability = 0.5, MaxQuantity = 2, ReadBackProbability = 0.5 }
            .RunAsync(() => clock.Elapsed.Ticks < Volatile.Read(ref stopTicks));
        var terminatedAt = DateTimeOffset.MaxValue;
        try
        {
            await Task.Delay(_terminateAfter);
            Leaver = await SiloCrash.BusiestSiloAsync(Cluster);
            Cluster.Note($"leaving silo's row before SIGTERM: {await Cluster.StoredStatusAsync(Leaver)}");
            terminatedAt = DateTimeOffset.UtcNow;
            var terminate = Cluster.TerminateSiloAsync(Leaver.Index);
            await WatchLeaveAsync(terminate);
            ExitCode = await terminate;
            ExitedAt = DateTimeOffset.UtcNow;
            var report = await Cluster.MembershipAsync();
            RowAtExit = ClusterProcesses.RowOf(report, Leaver);
            Cluster.Note($"membership right after the exit: {ClusterProcesses.Describe(report)}");
            await Task.Delay(_keepGoingAfterExit);
        }
        finally
        {
            Volatile.Write(ref stopTicks, 0);
            await traffic;
        }

        var started = DateTimeOffset.UtcNow - clock.Elapsed;
        Cluster.Note($"traffic over: {Ledger.Summary()}");
        Cluster.Note(
            $"slowest answer before SIGTERM {Ledger.SlowestBetween(started, terminatedAt).TotalMilliseconds:0} ms, " +
            $"until the exit {Ledger.SlowestBetween(terminatedAt, ExitedAt).TotalMilliseconds:0} ms, " +
            $"after it {Ledger.SlowestBetween(ExitedAt, DateTimeOffset.MaxValue).TotalMilliseconds:0} ms");
    }

    /// <summary>Polls the leaver's membership row while it leaves; at the first ShuttingDown, tries its grain port.</summary>
    private async Task WatchLeaveAsync(Task<int> terminate)
    {
        var seen = new List<string>();
        while (!terminate.IsCompleted)
        {
            // Straight from the table: the phase can last well under a second on a quiet machine.
            var status = await Cluster.StoredStatusAsync(Leaver) ?? "missing";
            if (seen.Count == 0 || seen[^1] != status) seen.Add(status);
            if (status == "ShuttingDown")
            {
                GrainPortWhileShuttingDown = await ConnectAsync(Leaver.GrainPort);
                break;
            }

            await Task.Delay(5);
        }

        Cluster.Note($"leaving silo's status went {string.Join(" -> ", seen)}; its grain port while ShuttingDown: {GrainPortWhileShuttingDown ?? "(not seen)"}");
    }

    private static async Task<string> ConnectAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return "accepted";
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}

public sealed class GracefulLeave(LeaveScenario scenario, ITestOutputHelper output) : IClassFixture<LeaveScenario>
{
    [Fact]
    public async Task TerminatedSiloHandsOverWithoutClientErrors()
    {
        scenario.Attach(output);
        await scenario.Cluster.RunAsync(async () =>
        {
            // Clients noticed nothing: no 5xx, no broken connection, and service went on.
            Assert.True(scenario.Ledger.Failures.Count == 0, "Failed requests: " + Checks.List(scenario.Ledger.Failures));
            Assert.Contains(scenario.Ledger.Holds, h => h.AckedAt > scenario.ExitedAt);

            // A clean exit, having written itself Dead: a silo declared dead by the others keeps
            // its last heartbeat, seconds old; one that left writes Dead with a fresh one.
            Assert.Equal(0, scenario.ExitCode);
            var row = scenario.RowAtExit;
            Assert.True(row is { Status: "Dead" }, $"right after its exit the silo is {row?.Status ?? "missing"} in membership");
            Assert.True(
                row!.HeartbeatAgeSeconds < 5,
                $"the silo's last heartbeat is {row.HeartbeatAgeSeconds}s old: it was declared dead rather than leaving");
            var log = await File.ReadAllTextAsync(scenario.Leaver.Process.LogPath);
            Assert.DoesNotContain("was cut short", log, StringComparison.Ordinal);
            await scenario.Cluster.WaitForActiveSilosAsync(2);
        });
    }

    /// <summary>
    /// ShuttingDown announces "route elsewhere, I still answer meanwhile": during the notice
    /// period the silo must still accept calls (and turn them away as wrong-silo), so that callers
    /// with an older view are redirected at once instead of meeting a closed port.
    /// </summary>
    [Fact]
    public async Task LeavingSiloStillTakesCallsWhileItsLeaveIsAnnounced()
    {
        scenario.Attach(output);
        await scenario.Cluster.RunAsync(() =>
        {
            Assert.True(scenario.GrainPortWhileShuttingDown is not null, "the leaving silo was never seen ShuttingDown in membership");
            Assert.True(
                scenario.GrainPortWhileShuttingDown == "accepted",
                $"while ShuttingDown (its notice period) the silo's grain port refused a connection ({scenario.GrainPortWhileShuttingDown}): " +
                "its server stopped before it announced the leave");
            return Task.CompletedTask;
        });
    }
}
