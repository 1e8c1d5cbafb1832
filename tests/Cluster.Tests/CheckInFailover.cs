using System.Collections.Concurrent;
using System.Text.Json;
using Grains.Abstractions;
using TestKit;

namespace Cluster.Tests;

/// <summary>A door scanner: a gate, the API process it talks to, and its staff token.</summary>
public sealed record Scanner(string Name, string Gate, BookingApi Api, string Token);

/// <summary>One answer a scanner got for one scan: the status (0 for a transport failure) and the admission it names.</summary>
public sealed record ScanAnswer(string TicketId, string Scanner, int Status, DateTimeOffset? CheckedInAt, string? Gate, DateTimeOffset At, string Body)
{
    /// <summary>An answer the gate acts on; anything else (a 5xx, a broken connection) it scans again.</summary>
    public bool IsFinal => Status is >= 200 and < 500;
}

/// <summary>
/// Two silos and two API processes; an on-sale event whose confirmed bookings hold 200 tickets.
/// Eight scanners (gates north and south, two devices each on each API) scan every code in the
/// same order, so each code is scanned eight times at once through both APIs and both gateways;
/// a third of the way in, the silo hosting the event grain is SIGKILLed and the scanners go on,
/// scanning again whatever got no final answer, as a gate would.
/// </summary>
public sealed class CheckInFailoverScenario : ClusterScenario
{
    public const int Bookings = 40;
    public const int SeatsPerBooking = 5;
    public const int Tickets = Bookings * SeatsPerBooking;
    public static readonly string[] Gates = ["north", "south"];

    /// <summary>
    /// How long after the killed silo is declared Dead a 503 is still allowed: the event grain's
    /// new activation has to replay its journal, and a call that started against the dead silo may
    /// still be in its retries (GrainCall: 0.5 + 1 + 2 s) or its 10 s response timeout.
    /// </summary>
    public static readonly TimeSpan FailoverGrace = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan _scanDeadline = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<ScanAnswer> _answers = new();
    private int _answered;

    protected override string Name => "checkin";

    protected override int SiloCount => 2;

    protected override int ApiCount => 2;

    public string Admin { get; private set; } = "";

    public string EventId { get; private set; } = "";

    /// <summary>Every ticket's code, by ticket id, in the order the scanners scan them.</summary>
    public IReadOnlyList<(string TicketId, string Code)> Codes { get; private set; } = [];

    public IReadOnlyList<ScanAnswer> Answers => [.. _answers];

    /// <summary>The silo that hosted the event grain when the scanning started, killed mid-way.</summary>
    public ClusterSilo Victim { get; private set; } = null!;

    /// <summary>The silo hosting the event grain after the scanning.</summary>
    public ClusterSilo? HostAfter { get; private set; }

    public DateTimeOffset KilledAt { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>When the API's view of membership first showed the killed silo Dead.</summary>
    public DateTimeOffset DeclaredDeadAt { get; private set; } = DateTimeOffset.MaxValue;

    public BookingApi Api(int index) => new(Cluster.Apis[index]);

    protected override async Task RunAsync()
    {
        Admin = await Cluster.OperatorTokenAsync();
        var api = Api(0);
        var venue = await api.CreateVenueAsync(Admin, rows: Tickets / 10, seatsPerRow: 10);
        EventId = await api.CreateEventAsync(Admin, venue, $"checkin-{Guid.NewGuid():N}"[..20], holdTtlSeconds: 300, maxSeatsPerHold: SeatsPerBooking);
        Codes = await BookEverySeatAsync();
        Cluster.Note($"event {EventId}: {Codes.Count} tickets in {Bookings} bookings");

        Victim = await Cluster.HostOfAsync(grains => grains.GetGrain<IEventGrain>(EventId))
            ?? throw new InvalidOperationException($"Event {EventId} has no activation after its bookings.");
        Cluster.Note($"the event grain is on silo {Victim.Index} at {Victim.Address}");

        var scanners = await ScannersAsync();
        var killAfter = scanners.Count * Codes.Count / 3;
        var kill = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killing = KillAsync(kill.Task);
        await Task.WhenAll(scanners.Select(scanner => Task.Run(() => ScanEveryCodeAsync(scanner, () =>
        {
            if (Interlocked.Increment(ref _answered) == killAfter) kill.TrySetResult();
        }))));
        kill.TrySetResult();
        await killing;
        Cluster.Note($"scanning over: {_answers.Count} answers, {_answers.Count(a => !a.IsFinal)} scanned again");

        await Eventually.WaitUntilAsync(
            async () => (HostAfter = await Cluster.HostOfAsync(grains => grains.GetGrain<IEventGrain>(EventId))) is not null,
            "the event grain is active again",
            TimeSpan.FromSeconds(30));
        Cluster.Note($"the event grain is now on silo {HostAfter!.Index} at {HostAfter.Address}");
    }

    /// <summary>Books every seat, a few buyers at a time and through both APIs, and reads back each booking's ticket codes.</summary>
    private async Task<IReadOnlyList<(string TicketId, string Code)>> BookEverySeatAsync()
    {
        var buyers = await Buyers.CreateAsync(Cluster, "checkin", 8);
        var codes = new ConcurrentQueue<(int Booking, string TicketId, string Code)>();
        // A buyer may hold one booking's seats at a time: each books in turn, the buyers side by side.
        await Parallel.ForEachAsync(Enumerable.Range(0, buyers.Count), new ParallelOptions { MaxDegreeOfParallelism = buyers.Count }, async (b, _) =>
        {
            for (var i = b; i < Bookings; i += buyers.Count)
            {
                var (api, buyer) = (Api(i % 2), buyers[b]);
                var hold = await api.PlaceHoldAsync(buyer.Token, EventId, SeatsPerBooking);
                if (hold.Status != 201) throw new InvalidOperationException($"hold {i}: {hold.Describe()}");
                var booking = await api.ConfirmAsync(buyer.Token, EventId, hold.Value!.HoldId);
                if (booking.Status != 201) throw new InvalidOperationException($"confirm {i}: {booking.Describe()}");
                var tickets = await api.SendAsync<BookingTicketList>(HttpMethod.Get, $"/events/{EventId}/bookings/{booking.Value!.BookingId}/tickets", Admin);
                if (tickets.Value is not { Items.Count: SeatsPerBooking } list) throw new InvalidOperationException($"tickets of booking {i}: {tickets.Describe()}");
                foreach (var ticket in list.Items) codes.Enqueue((i, ticket.TicketId, ticket.Code));
            }
        });
        return [.. codes.OrderBy(c => c.Booking).ThenBy(c => c.TicketId, StringComparer.Ordinal).Select(c => (c.TicketId, c.Code))];
    }

    /// <summary>Two devices per gate on each API process: eight scanners.</summary>
    private async Task<IReadOnlyList<Scanner>> ScannersAsync()
    {
        var scanners = new List<Scanner>();
        foreach (var gate in Gates)
        {
            for (var api = 0; api < Cluster.Apis.Count; api++)
            {
                for (var device = 0; device < 2; device++)
                {
                    var name = $"{gate}-api{api}-device{device}";
                    scanners.Add(new Scanner(name, gate, Api(api), await Cluster.TokenAsync("scanner-" + name, "staff")));
                }
            }
        }

        return scanners;
    }

    private async Task ScanEveryCodeAsync(Scanner scanner, Action answered)
    {
        var deadline = DateTimeOffset.UtcNow + _scanDeadline;
        foreach (var (ticketId, code) in Codes)
        {
            while (true)
            {
                var answer = await scanner.Api.SendAsync<JsonElement>(HttpMethod.Post, $"/events/{EventId}/check-ins", scanner.Token, new { code, gate = scanner.Gate });
                var scan = Read(ticketId, scanner.Name, answer);
                _answers.Enqueue(scan);
                answered();
                if (scan.IsFinal) break;
                if (DateTimeOffset.UtcNow > deadline) throw new InvalidOperationException($"{scanner.Name} got no final answer for {ticketId} within {_scanDeadline}: {answer.Describe()}");

                // A gate's pause before it scans the same code again.
                await Task.Delay(200);
            }
        }
    }

    /// <summary>An admission (200) names itself, a duplicate (409) the first admission; both as checkedInAt and gate.</summary>
    private static ScanAnswer Read(string ticketId, string scanner, ApiAnswer<JsonElement> answer)
    {
        DateTimeOffset? checkedInAt = null;
        string? gate = null;
        if (answer.Status is 200 or 409)
        {
            using var body = JsonDocument.Parse(answer.Body);
            if (body.RootElement.TryGetProperty("checkedInAt", out var at) && at.ValueKind == JsonValueKind.String) checkedInAt = at.GetDateTimeOffset();
            if (body.RootElement.TryGetProperty("gate", out var g) && g.ValueKind == JsonValueKind.String) gate = g.GetString();
        }

        return new ScanAnswer(ticketId, scanner, answer.Status, checkedInAt, gate, DateTimeOffset.UtcNow, answer.TransportFailed ? answer.Describe() : answer.Body);
    }

    private async Task KillAsync(Task signal)
    {
        await signal;
        KilledAt = DateTimeOffset.UtcNow;
        Cluster.KillSilo(Victim.Index);
        var deadline = KilledAt + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if (ClusterProcesses.RowOf(await Cluster.MembershipAsync(), Victim)?.Status == "Dead")
                {
                    DeclaredDeadAt = DateTimeOffset.UtcNow;
                    Cluster.Note($"silo {Victim.Index} declared Dead {(DeclaredDeadAt - KilledAt).TotalSeconds:0.0} s after the kill");
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // A 503 while the cluster reorganizes: ask again.
            }

            await Task.Delay(100);
        }
    }
}

public sealed class CheckInFailover(CheckInFailoverScenario scenario, ITestOutputHelper output) : IClassFixture<CheckInFailoverScenario>
{
    [Fact]
    public async Task ATicketAdmitsOnceAcrossGatesApisAndSilosWhileItsEventGrainFailsOver()
    {
        scenario.Attach(output);
        var cluster = scenario.Cluster;
        await cluster.RunAsync(async () =>
        {
            var answers = scenario.Answers;
            var final = answers.Where(a => a.IsFinal).ToList();
            var admitted = final.Where(a => a.Status == 200).ToList();

            // The kill came mid-way, and the event grain came back on the other silo.
            Assert.True(scenario.Victim.Process.HasExited, $"silo {scenario.Victim.Index} was not killed");
            Assert.Contains(admitted, a => a.At < scenario.KilledAt);
            Assert.Contains(admitted, a => a.At > scenario.KilledAt);
            Assert.NotNull(scenario.HostAfter);
            Assert.NotEqual(scenario.Victim.Index, scenario.HostAfter!.Index);

            // Every scan of a ticket of a live booking is answered admitted or already checked in.
            var unexpected = final.Where(a => a.Status is not (200 or 409)).Select(a => $"{a.Scanner} {a.TicketId}: {a.Status} {a.Body}").ToList();
            Assert.True(unexpected.Count == 0, "Answers other than admitted or duplicate: " + Checks.List(unexpected));

            // At most one admitted answer per ticket, over every scanner, gate, API and both activations.
            var twice = admitted.GroupBy(a => a.TicketId).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key} admitted {g.Count()} times: {string.Join("; ", g.Select(a => $"{a.Scanner} at {a.CheckedInAt:HH:mm:ss.fff}"))}")
                .ToList();
            Assert.True(twice.Count == 0, "Tickets admitted more than once: " + Checks.List(twice));

            // Each ticket has one admission, and every answer about it names that one: a duplicate
            // is answered only once the admission it names is durable, so a crash cannot change it.
            var firsts = new Dictionary<string, (DateTimeOffset? At, string? Gate)>(StringComparer.Ordinal);
            var disagreements = new List<string>();
            foreach (var ticket in final.GroupBy(a => a.TicketId))
            {
                var named = ticket.Select(a => (a.CheckedInAt, a.Gate)).Distinct().ToList();
                if (named.Count != 1 || named[0].CheckedInAt is null) disagreements.Add($"{ticket.Key}: {string.Join(", ", ticket.Select(a => $"{a.Scanner} {a.Status} {a.CheckedInAt:HH:mm:ss.fff} {a.Gate}"))}");
                else firsts[ticket.Key] = named[0];
            }

            Assert.True(disagreements.Count == 0, "Answers naming different admissions: " + Checks.List(disagreements));
            Assert.Equal(CheckInFailoverScenario.Tickets, firsts.Count);
            cluster.Note($"{admitted.Count} tickets answered admitted, {firsts.Count - admitted.Count} admitted by a call whose answer was lost in the crash");

            // Every admission is still there: the figures count every ticket once, and a scan now,
            // through the other API, is a duplicate naming the first admission.
            foreach (var api in new[] { scenario.Api(0), scenario.Api(1) })
            {
                var answer = await api.SendAsync<CheckInStatsView>(HttpMethod.Get, $"/events/{scenario.EventId}/check-ins/stats", scenario.Admin);
                var stats = answer.Value ?? throw new InvalidOperationException($"GET /events/{scenario.EventId}/check-ins/stats: {answer.Describe()}");
                Assert.Equal((CheckInFailoverScenario.Tickets, CheckInFailoverScenario.Tickets), (stats.Tickets, stats.CheckedIn));
                Assert.Equal(CheckInFailoverScenario.Tickets, CheckInFailoverScenario.Gates.Sum(g => stats.ByGate.GetValueOrDefault(g)));
            }

            var rescans = new BookingApi(cluster.Apis[1]);
            var problems = await Checks.ForEachAsync(scenario.Codes, async ticket =>
            {
                var answer = await rescans.SendAsync<JsonElement>(HttpMethod.Post, $"/events/{scenario.EventId}/check-ins", scenario.Admin, new { ticket.Code, gate = "audit" });
                if (answer.Status != 409) return $"{ticket.TicketId} scanned again: {answer.Describe()}";
                using var body = JsonDocument.Parse(answer.Body);
                var first = (body.RootElement.GetProperty("checkedInAt").GetDateTimeOffset(), body.RootElement.GetProperty("gate").GetString());
                return first == firsts[ticket.TicketId] ? null : $"{ticket.TicketId} scanned again names {first}, the scanners were told {firsts[ticket.TicketId]}";
            });
            Assert.True(problems.Count == 0, "Admissions after the failover: " + Checks.List(problems));
        });
    }

    /// <summary>
    /// The scanners see no 5xx but a 503 (+ Retry-After) in the failover window: from the SIGKILL
    /// until <see cref="CheckInFailoverScenario.FailoverGrace"/> after the silo is declared Dead,
    /// calls to the event grain's dead activation can fail and the API's retries run out. Never a
    /// 500, never a broken connection (both APIs stay up), and nothing at all outside that window.
    /// </summary>
    [Fact]
    public async Task NoServerErrorReachesTheGatesOutsideTheFailoverWindow()
    {
        scenario.Attach(output);
        await scenario.Cluster.RunAsync(() =>
        {
            var windowEnd = scenario.DeclaredDeadAt == DateTimeOffset.MaxValue ? DateTimeOffset.MaxValue : scenario.DeclaredDeadAt + CheckInFailoverScenario.FailoverGrace;
            var failures = scenario.Answers.Where(a => !a.IsFinal).ToList();
            scenario.Cluster.Note($"{failures.Count} scans answered 5xx or failed in transport, all scanned again");
            Assert.True(scenario.DeclaredDeadAt < scenario.KilledAt + TimeSpan.FromSeconds(30), $"silo {scenario.Victim.Index} was not declared Dead within 30 s of the kill");
            var outside = failures
                .Where(a => a.Status != 503 || a.At < scenario.KilledAt || a.At > windowEnd)
                .Select(a => $"{a.At:HH:mm:ss.fff} {a.Scanner} {a.TicketId}: {a.Status} {a.Body}")
                .ToList();
            Assert.True(
                outside.Count == 0,
                $"Server errors outside the failover window {scenario.KilledAt:HH:mm:ss.fff} to {windowEnd:HH:mm:ss.fff}, or not 503: " + Checks.List(outside));
            return Task.CompletedTask;
        });
    }
}
