using LoadTest.Audit;
using LoadTest.Cli;
using LoadTest.Http;
using LoadTest.Metrics;
using LoadTest.Reporting;
using Spectre.Console;

namespace LoadTest.Scenarios;

/// <summary>Runs the chosen scenario end to end: setup, load, audit, report, final line, exit code.</summary>
internal sealed class ScenarioRunner(LoadOptions options, IAnsiConsole console)
{
    public const int ExitOk = 0;
    public const int ExitIncorrect = 1;
    public const int ExitFailure = 3;
    public const int ExitAuditIncomplete = 4;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (options.Scenario == ScenarioKind.Search) return await new SearchBench(options, console).RunAsync(ct);
        if (options.Scenario == ScenarioKind.CheckIn) return await new CheckInBench(options, console).RunAsync(ct);
        var startedAt = DateTimeOffset.UtcNow;
        var runId = RunSetup.NewRunId();
        using var http = HttpClientFactory.Create(options.Url, options.Buyers);
        var api = new ApiClient(http);

        LoadPhaseResult? ceiling = null, booking = null;
        EventUnderLoad[] events = [];
        AuditReport? audit = null;
        string? error = null;
        try
        {
            if (options.Scenario is ScenarioKind.Ceiling or ScenarioKind.All)
            {
                ceiling = await RunCeilingAsync(api, ct);
            }

            if (options.Scenario is ScenarioKind.HotEvent or ScenarioKind.ManyEvents or ScenarioKind.All)
            {
                var setup = new RunSetup(api, options, runId);
                var eventCount = options.Scenario == ScenarioKind.ManyEvents ? options.Events : 1;
                Step($"setup: tokens for {options.Buyers} buyers, {eventCount} event(s) of {options.SeatsPerEvent} seats");
                var organizer = await setup.OrganizerAuthorizationAsync(ct);
                var buyers = await setup.BuyersAsync(options.Buyers, options.IdentitiesPerBuyer, ct);
                events = await setup.EventsAsync(organizer, eventCount, options.SeatsPerEvent, ct);
                booking = await RunBookingAsync(api, events, buyers, ct);
                audit = await AuditAsync(api, organizer, events, booking.Acknowledged, ct);
            }
        }
        catch (ApiCallException e)
        {
            error = e.Message;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error = "interrupted";
        }

        var summary = new Summary(
            HoldsPerSecond: booking?.OkPerSecond(Operation.Hold) ?? 0,
            CeilingPerSecond: ceiling?.OkPerSecond(Operation.Ceiling) ?? 0,
            P99Ms: P99Ms(booking, ceiling),
            Oversold: audit?.Oversold ?? 0,
            Lost: audit?.Lost ?? 0);

        var report = BuildReport(runId, startedAt, ceiling, booking, events, audit, error, summary);
        if (options.JsonPath is { } path) await JsonReportFile.WriteAsync(path, report, ReportJsonContext.Default.RunReport, console);
        ReportPrinter.Print(console, report);

        // Exactly the last line of output.
        Console.Out.WriteLine(summary.FinalLine());
        Console.Out.Flush();

        if (summary.Oversold > 0 || summary.Lost > 0) return ExitIncorrect;
        if (error is not null) return ExitFailure;
        if (audit is { Error: not null } or { UnverifiedBookings: > 0 }) return ExitAuditIncomplete;
        return ExitOk;
    }

    private async Task<LoadPhaseResult> RunCeilingAsync(ApiClient api, CancellationToken ct)
    {
        Step($"ceiling: {options.Buyers} workers on GET /{CeilingLoad.Path} for {options.WarmupSeconds}+{options.DurationSeconds} s");
        var load = new CeilingLoad(api, options.Buyers);
        var window = RunWindow.StartingNow(options.WarmupSeconds, options.DurationSeconds);
        return await LiveProgress.ShowAsync(console, options.Quiet, "ceiling", window, load.Workers, () => options.Buyers, load.RunAsync(window, ct));
    }

    private async Task<LoadPhaseResult> RunBookingAsync(ApiClient api, EventUnderLoad[] events, Buyer[] buyers, CancellationToken ct)
    {
        var name = LoadOptions.ScenarioName(options.Scenario == ScenarioKind.All ? ScenarioKind.HotEvent : options.Scenario);
        Step($"{name}: {buyers.Length} buyers for {options.WarmupSeconds}+{options.DurationSeconds} s");
        var load = new BookingLoad(api, options, events, buyers);
        var window = RunWindow.StartingNow(options.WarmupSeconds, options.DurationSeconds);
        return await LiveProgress.ShowAsync(console, options.Quiet, name, window, load.Workers, () => load.ActiveBuyers, load.RunAsync(window, ct));
    }

    private async Task<AuditReport> AuditAsync(ApiClient api, string organizer, EventUnderLoad[] events, IReadOnlyList<AcknowledgedBooking> acknowledged, CancellationToken ct)
    {
        Step($"audit: reading back {events.Length} event(s) and {acknowledged.Count} acknowledged booking(s)");
        try
        {
            var result = await new AuditReader(api, organizer, Math.Clamp(options.Buyers, 1, 32)).AuditAsync(events, acknowledged, ct);
            return new AuditReport
            {
                Oversold = result.Oversold,
                Lost = result.Lost,
                DoubleBookedSeats = result.DoubleBookedSeats,
                OverCapacitySeats = result.OverCapacitySeats,
                MissingBookings = result.MissingBookings,
                BookingsWithUnbookedSeats = result.BookingsWithUnbookedSeats,
                UnverifiedBookings = result.UnverifiedBookings,
                AcknowledgedBookings = result.AcknowledgedBookings,
                AcknowledgedSeats = result.AcknowledgedSeats,
                Capacity = result.Capacity,
                Booked = result.Booked,
                Held = result.Held,
            };
        }
        catch (ApiCallException e)
        {
            // Unknown, not zero: the run must not pass when it could not be checked.
            return new AuditReport { Oversold = -1, Lost = -1, Error = e.Message };
        }
    }

    private static double P99Ms(LoadPhaseResult? booking, LoadPhaseResult? ceiling)
    {
        if (booking is not null && booking.Total[Operation.Hold].Requests > 0)
        {
            return booking.Total[Operation.Hold].Latency.ValueAtPercentile(99) / 1000.0;
        }

        return ceiling is null ? 0 : ceiling.Total[Operation.Ceiling].Latency.ValueAtPercentile(99) / 1000.0;
    }

    private RunReport BuildReport(string runId, DateTimeOffset startedAt, LoadPhaseResult? ceiling, LoadPhaseResult? booking,
        EventUnderLoad[] events, AuditReport? audit, string? error, Summary summary)
    {
        var operations = new List<OperationReport>();
        if (ceiling is not null) operations.Add(OperationReports.From(Operation.Ceiling, ceiling.Total[Operation.Ceiling], ceiling.MeasuredSeconds));
        if (booking is not null)
        {
            foreach (var op in new[] { Operation.Hold, Operation.Confirm, Operation.Release })
            {
                operations.Add(OperationReports.From(op, booking.Total[op], booking.MeasuredSeconds));
            }
        }

        return new RunReport
        {
            Scenario = LoadOptions.ScenarioName(options.Scenario),
            Url = options.Url.ToString(),
            RunId = runId,
            StartedAt = startedAt,
            Options = new OptionsReport
            {
                Buyers = options.Buyers,
                SeatsPerEvent = options.SeatsPerEvent,
                Events = options.Scenario == ScenarioKind.ManyEvents ? options.Events : options.Scenario == ScenarioKind.Ceiling ? 0 : 1,
                DurationSeconds = options.DurationSeconds,
                WarmupSeconds = options.WarmupSeconds,
                Explicit = options.ExplicitFraction,
                Confirm = options.ConfirmFraction,
                Release = options.ReleaseFraction,
                HoldTtlSeconds = options.HoldTtlSeconds,
                MaxSeatsPerHold = options.MaxSeatsPerHold,
            },
            CeilingMeasuredSeconds = Math.Round(ceiling?.MeasuredSeconds ?? 0, 3),
            MeasuredSeconds = Math.Round(booking?.MeasuredSeconds ?? 0, 3),
            BuyersStoppedEarly = booking?.BuyersStoppedEarly ?? 0,
            EventIds = events.Where(e => e is not null).Select(e => e.Target.EventId).ToList(),
            Operations = operations,
            HoldsPerSecond = Math.Round(summary.HoldsPerSecond, 2),
            CeilingPerSecond = Math.Round(summary.CeilingPerSecond, 2),
            Ratio = Math.Round(summary.Ratio, 4),
            P99Ms = Math.Round(summary.P99Ms, 3),
            Audit = audit,
            Error = error,
            Summary = summary.FinalLine(),
        };
    }

    private void Step(string text) => console.MarkupLine($"[grey]» {Markup.Escape(text)}[/]");
}
