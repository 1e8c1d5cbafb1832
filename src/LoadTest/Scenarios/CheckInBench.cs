using System.Diagnostics;
using System.Globalization;
using LoadTest.Audit;
using LoadTest.Cli;
using LoadTest.Http;
using LoadTest.Metrics;
using LoadTest.Reporting;
using Spectre.Console;

namespace LoadTest.Scenarios;

/// <summary>
/// The door at opening time: books --tickets tickets of one seated event and reads their codes
/// (not measured), measures the HTTP ceiling, then runs --buyers closed-loop scanners over the scan
/// plan (every code scanned at two gates at once, a fraction again later) against
/// POST /events/{id}/check-ins, and audits that no ticket was admitted twice.
/// </summary>
internal sealed class CheckInBench(LoadOptions options, IAnsiConsole console)
{
    /// <summary>The same plan every run, so runs differ only in the system's answers.</summary>
    private const int PlanSeed = 15;
    private static readonly string[] s_staffRoles = ["staff"];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var runId = RunSetup.NewRunId();
        using var http = HttpClientFactory.Create(options.Url, options.Buyers);
        var api = new ApiClient(http);
        var gates = Enumerable.Range(1, options.Gates).Select(g => $"gate-{g}").ToArray();

        DoorTickets? door = null;
        PlannedScan[] plan = [];
        LoadPhaseResult? ceiling = null, scans = null;
        CheckInAuditResult? audit = null;
        string? error = null;
        var setupSeconds = 0.0;
        try
        {
            var setupClock = Stopwatch.StartNew();
            Step($"setup: one seated event of {options.Tickets} seats sold out in bookings of {Math.Min(CheckInSetup.SeatsPerBooking, options.MaxSeatsPerHold)} seats, every ticket's code read back");
            door = await new CheckInSetup(api, options, runId).BookAsync(options.Tickets, Step, ct);
            // Each gate scans as its own door-staff user, as each gate's device would sign in.
            var gateAuthorizations = new string[gates.Length];
            for (var g = 0; g < gates.Length; g++) gateAuthorizations[g] = ApiClient.BearerValue(await api.CreateTokenAsync($"{runId}-{gates[g]}", s_staffRoles, ct));
            plan = ScanPlan.Build(options.Tickets, options.Gates, options.RescanFraction, PlanSeed);
            var load = new CheckInLoad(api, door, plan, gates, gateAuthorizations, options.Buyers);
            setupSeconds = setupClock.Elapsed.TotalSeconds;
            Step(string.Create(CultureInfo.InvariantCulture, $"set up in {setupSeconds:0.0} s: {door.Bookings} bookings, {door.TicketIds.Length} tickets, {plan.Length} planned scans"));

            Step($"ceiling: {options.Buyers} workers on GET /{CeilingLoad.Path} for {options.WarmupSeconds}+{options.DurationSeconds} s");
            var ceilingLoad = new CeilingLoad(api, options.Buyers);
            var ceilingWindow = RunWindow.StartingNow(options.WarmupSeconds, options.DurationSeconds);
            ceiling = await LiveProgress.ShowAsync(console, options.Quiet, "ceiling", ceilingWindow, ceilingLoad.Workers, () => options.Buyers, ceilingLoad.RunAsync(ceilingWindow, ct));

            Step($"check-in: {options.Buyers} scanners at {gates.Length} gates, {options.WarmupSeconds} s warm-up, then until every scan is answered (at most {options.DurationSeconds} s)");
            var window = RunWindow.StartingNow(options.WarmupSeconds, options.DurationSeconds);
            scans = await LiveProgress.ShowAsync(console, options.Quiet, "check-in", window, load.Workers, () => load.ActiveScanners, load.RunAsync(window, ct));
            ct.ThrowIfCancellationRequested();
            if (scans.MeasuredSeconds <= 0) error = "every scan was answered during the warm-up: raise --tickets or lower --warmup";

            Step("audit: admissions per ticket across every scanner, and the door figures read back");
            audit = await AuditAsync(api, door, gates, load.Answers, ct);
        }
        catch (ApiCallException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error = "interrupted";
        }

        var summary = Summarize(ceiling, scans, audit);
        var report = BuildReport(runId, startedAt, door, plan.Length, setupSeconds, ceiling, scans, audit, error, summary);
        if (options.JsonPath is { } path) await JsonReportFile.WriteAsync(path, report, ReportJsonContext.Default.CheckInRunReport, console);
        CheckInReportPrinter.Print(console, report);

        // Exactly the last line of output.
        Console.Out.WriteLine(summary.FinalLine());
        Console.Out.Flush();

        if (audit is { Incorrect: true }) return ScenarioRunner.ExitIncorrect;
        if (error is not null) return ScenarioRunner.ExitFailure;
        if (audit is null or { Incomplete: true }) return ScenarioRunner.ExitAuditIncomplete;
        return ScenarioRunner.ExitOk;
    }

    private static async Task<CheckInAuditResult> AuditAsync(ApiClient api, DoorTickets door, string[] gates, IEnumerable<ScanAnswer> answers, CancellationToken ct)
    {
        DoorStats? stats = null;
        string? statsError = null;
        try
        {
            var read = await api.GetCheckInStatsAsync(door.Organizer, door.Event, ct);
            stats = new DoorStats(read.Tickets, read.CheckedIn, read.ByGate ?? []);
        }
        catch (ApiCallException e)
        {
            // Unknown, not zero: the run must not pass when it could not be checked.
            statsError = e.Message;
        }

        return CheckInAuditor.Evaluate(door.TicketIds, gates, answers, stats, statsError);
    }

    private static CheckInSummary Summarize(LoadPhaseResult? ceiling, LoadPhaseResult? scans, CheckInAuditResult? audit)
    {
        if (scans is null) return CheckInSummary.NotRun with { CeilingPerSecond = ceiling?.OkPerSecond(Operation.Ceiling) ?? 0 };
        var checkIn = scans.Total[Operation.CheckIn];
        // A refusal is as much an answer as an admission: scans/s counts both.
        var decided = checkIn.Count(Outcome.Ok) + checkIn.Count(Outcome.Conflict);
        return new CheckInSummary(
            ScansPerSecond: scans.MeasuredSeconds > 0 ? decided / scans.MeasuredSeconds : 0,
            CeilingPerSecond: ceiling?.OkPerSecond(Operation.Ceiling) ?? 0,
            P50Ms: checkIn.Latency.ValueAtPercentile(50) / 1000.0,
            P99Ms: checkIn.Latency.ValueAtPercentile(99) / 1000.0,
            Admitted: audit?.Admitted ?? 0,
            DuplicatesAdmitted: audit?.DuplicatesAdmitted ?? 0,
            Failed: audit?.Failed ?? -1);
    }

    private CheckInRunReport BuildReport(string runId, DateTimeOffset startedAt, DoorTickets? door, int plannedScans, double setupSeconds,
        LoadPhaseResult? ceiling, LoadPhaseResult? scans, CheckInAuditResult? audit, string? error, CheckInSummary summary)
    {
        var operations = new List<OperationReport>();
        if (ceiling is not null) operations.Add(OperationReports.From(Operation.Ceiling, ceiling.Total[Operation.Ceiling], ceiling.MeasuredSeconds));
        if (scans is not null) operations.Add(OperationReports.From(Operation.CheckIn, scans.Total[Operation.CheckIn], scans.MeasuredSeconds));
        return new CheckInRunReport
        {
            Url = options.Url.ToString(),
            RunId = runId,
            StartedAt = startedAt,
            Options = new CheckInOptionsReport
            {
                Scanners = options.Buyers,
                Tickets = options.Tickets,
                Gates = options.Gates,
                Rescan = options.RescanFraction,
                DurationSeconds = options.DurationSeconds,
                WarmupSeconds = options.WarmupSeconds,
            },
            EventId = door?.Event.EventId,
            Bookings = door?.Bookings ?? 0,
            PlannedScans = plannedScans,
            SetupSeconds = Math.Round(setupSeconds, 3),
            CeilingMeasuredSeconds = Math.Round(ceiling?.MeasuredSeconds ?? 0, 3),
            MeasuredSeconds = Math.Round(scans?.MeasuredSeconds ?? 0, 3),
            Operations = operations,
            ScansPerSecond = Math.Round(summary.ScansPerSecond, 2),
            CeilingPerSecond = Math.Round(summary.CeilingPerSecond, 2),
            Ratio = Math.Round(summary.Ratio, 4),
            P50Ms = Math.Round(summary.P50Ms, 3),
            P99Ms = Math.Round(summary.P99Ms, 3),
            Audit = audit,
            Error = error,
            Summary = summary.FinalLine(),
        };
    }

    private void Step(string text) => console.MarkupLine($"[grey]» {Markup.Escape(text)}[/]");
}
