using LoadTest.Audit;

namespace LoadTest.Reporting;

/// <summary>The machine-readable report of the check-in scenario, written by <c>--json</c>.</summary>
internal sealed class CheckInRunReport
{
    public string Scenario { get; init; } = "check-in";
    public required string Url { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required CheckInOptionsReport Options { get; init; }
    public string? EventId { get; init; }
    public int Bookings { get; init; }
    public int PlannedScans { get; init; }
    public double SetupSeconds { get; init; }
    public double CeilingMeasuredSeconds { get; init; }
    public double MeasuredSeconds { get; init; }
    public required IReadOnlyList<OperationReport> Operations { get; init; }
    public double ScansPerSecond { get; init; }
    public double CeilingPerSecond { get; init; }
    public double Ratio { get; init; }
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    public CheckInAuditResult? Audit { get; init; }
    public string? Error { get; init; }
    public required string Summary { get; init; }
}

internal sealed class CheckInOptionsReport
{
    public int Scanners { get; init; }
    public int Tickets { get; init; }
    public int Gates { get; init; }
    public double Rescan { get; init; }
    public double DurationSeconds { get; init; }
    public double WarmupSeconds { get; init; }
}
