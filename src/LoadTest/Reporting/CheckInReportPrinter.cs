using Spectre.Console;

namespace LoadTest.Reporting;

/// <summary>Renders the check-in report: throughput and latency, errors by kind, the door audit.</summary>
internal static class CheckInReportPrinter
{
    public static void Print(IAnsiConsole console, CheckInRunReport report)
    {
        console.WriteLine();
        console.MarkupLine(
            $"[bold]{Markup.Escape(report.Scenario)}[/] against {Markup.Escape(report.Url)} · run {Markup.Escape(report.RunId)} · " +
            $"{report.Options.Scanners} scanners at {report.Options.Gates} gates · {ReportPrinter.N(report.Options.Tickets)} tickets · " +
            $"{ReportPrinter.N(report.PlannedScans)} planned scans · measured {ReportPrinter.F(report.MeasuredSeconds)} s");

        ReportPrinter.PrintOperations(console, report.Operations);

        if (report.Audit is { } audit)
        {
            var table = new Table().Title("DOOR AUDIT (every scan, warm-up included; figures read back from the API)").Border(TableBorder.Rounded);
            table.AddColumns("check", "value");
            table.Columns[1].RightAligned();
            table.AddRow("tickets booked", ReportPrinter.N(audit.Tickets));
            table.AddRow("scans answered 200 / 409 / other", $"{ReportPrinter.N(audit.Admitted)} / {ReportPrinter.N(audit.Refused)} / {ReportPrinter.N(audit.Failed)}");
            table.AddRow("other: 5xx / 4xx / no answer / 429", $"{ReportPrinter.N(audit.ServerErrors)} / {ReportPrinter.N(audit.Rejected)} / {ReportPrinter.N(audit.Unanswered)} / {ReportPrinter.N(audit.RateLimited)}");
            table.AddRow("tickets admitted / not admitted", $"{ReportPrinter.N(audit.DistinctAdmitted)} / {ReportPrinter.N(audit.NotAdmitted)}");
            table.AddRow("tickets with a scan of unknown outcome", ReportPrinter.N(audit.TicketsWithUnknownOutcome));
            table.AddRow("API figures: tickets / checked in", audit.StatsCheckedIn is null ? "unread" : $"{ReportPrinter.N(audit.StatsTickets ?? 0)} / {ReportPrinter.N(audit.StatsCheckedIn.Value)}");
            table.AddRow("gates whose figures disagree", audit.GatesDisagreeing.Count == 0 ? "none" : Markup.Escape(string.Join(", ", audit.GatesDisagreeing)));
            table.AddRow(ReportPrinter.Verdict("figures agree with the scans", audit.StatsMismatch ? 1 : 0), audit.StatsMismatch ? "no" : audit.Incomplete ? "unchecked" : "yes");
            table.AddRow(ReportPrinter.Verdict("200 naming another ticket", audit.WrongAdmissions), ReportPrinter.N(audit.WrongAdmissions));
            table.AddRow(ReportPrinter.Verdict("409 for a ticket nobody admitted", audit.PhantomRefusals), ReportPrinter.N(audit.PhantomRefusals));
            table.AddRow(ReportPrinter.Verdict("tickets admitted more than once", audit.TicketsAdmittedMoreThanOnce), ReportPrinter.N(audit.TicketsAdmittedMoreThanOnce));
            table.AddRow(ReportPrinter.Verdict("duplicates admitted", audit.DuplicatesAdmitted), ReportPrinter.N(audit.DuplicatesAdmitted));
            if (audit.StatsError is not null) table.AddRow("[red]figures not read[/]", Markup.Escape(audit.StatsError));
            console.Write(table);
        }

        if (report.Error is not null)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(report.Error)}");
        }
    }
}
