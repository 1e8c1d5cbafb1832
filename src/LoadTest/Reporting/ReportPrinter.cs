using System.Globalization;
using Spectre.Console;

namespace LoadTest.Reporting;

/// <summary>Renders the final report as tables (throughput and latency, errors by kind, audit).</summary>
internal static class ReportPrinter
{
    public static void Print(IAnsiConsole console, RunReport report)
    {
        console.WriteLine();
        console.MarkupLine(
            $"[bold]{Markup.Escape(report.Scenario)}[/] against {Markup.Escape(report.Url)} · run {Markup.Escape(report.RunId)} · " +
            $"{report.Options.Buyers} buyers · measured {F(report.MeasuredSeconds > 0 ? report.MeasuredSeconds : report.CeilingMeasuredSeconds)} s" +
            (report.BuyersStoppedEarly > 0 ? $" · {report.BuyersStoppedEarly} buyers stopped (sold out)" : ""));

        PrintOperations(console, report.Operations);

        if (report.Audit is { } audit)
        {
            var table = new Table().Title("AUDIT (read back from the API)").Border(TableBorder.Rounded);
            table.AddColumns("check", "value");
            table.Columns[1].RightAligned();
            table.AddRow("acknowledged bookings", N(audit.AcknowledgedBookings));
            table.AddRow("acknowledged seats", N(audit.AcknowledgedSeats));
            table.AddRow("capacity / booked / held", $"{N(audit.Capacity)} / {N(audit.Booked)} / {N(audit.Held)}");
            table.AddRow("seats in >1 booking", N(audit.DoubleBookedSeats));
            table.AddRow("booked+held over capacity", N(audit.OverCapacitySeats));
            table.AddRow("bookings missing (404)", N(audit.MissingBookings));
            table.AddRow("bookings with seats not booked", N(audit.BookingsWithUnbookedSeats));
            table.AddRow("bookings unverified (read failed)", N(audit.UnverifiedBookings));
            table.AddRow(Verdict("oversold", audit.Oversold), N(audit.Oversold));
            table.AddRow(Verdict("lost", audit.Lost), N(audit.Lost));
            if (audit.Error is not null) table.AddRow("[red]audit error[/]", Markup.Escape(audit.Error));
            console.Write(table);
        }

        if (report.Error is not null)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(report.Error)}");
        }
    }

    /// <summary>The throughput and latency table and the errors-by-kind table of the operations that ran.</summary>
    public static void PrintOperations(IAnsiConsole console, IReadOnlyList<OperationReport> operations)
    {
        var rows = operations.Where(o => o.Requests > 0).ToList();
        var latency = new Table().Title("Throughput and latency (measured window)").Border(TableBorder.Rounded);
        latency.AddColumns("operation", "requests", "req/s", "ok/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var column in latency.Columns.Skip(1)) column.RightAligned();
        foreach (var op in rows)
        {
            latency.AddRow(op.Operation, N(op.Requests), F(op.RequestsPerSecond), F(op.OkPerSecond),
                F(op.LatencyMs.P50), F(op.LatencyMs.P95), F(op.LatencyMs.P99), F(op.LatencyMs.Max));
        }

        console.Write(latency);

        var errors = new Table().Title("Errors by kind").Border(TableBorder.Rounded);
        errors.AddColumns("operation", "409 conflict", "410 gone", "503 overloaded", "4xx other", "5xx", "transport", "429 retried");
        foreach (var column in errors.Columns.Skip(1)) column.RightAligned();
        foreach (var op in rows)
        {
            var e = op.Errors;
            errors.AddRow(op.Operation, N(e.Conflict), N(e.Gone), N(e.Overloaded), N(e.OtherClientError), N(e.ServerError), N(e.Transport), N(e.RateLimited));
        }

        console.Write(errors);
    }

    internal static string Verdict(string label, int value) => value == 0 ? $"[green]{label}[/]" : $"[red bold]{label}[/]";

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
