namespace LoadTest.Reporting;

/// <summary>The machine-readable report written by <c>--json</c>.</summary>
internal sealed class RunReport
{
    public required string Scenario { get; init; }
    public required string Url { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required OptionsReport Options { get; init; }
    public double CeilingMeasuredSeconds { get; init; }
    public double MeasuredSeconds { get; init; }
    public int BuyersStoppedEarly { get; init; }
    public IReadOnlyList<string> EventIds { get; init; } = [];
    public required IReadOnlyList<OperationReport> Operations { get; init; }
    public double HoldsPerSecond { get; init; }
    public double CeilingPerSecond { get; init; }
    public double Ratio { get; init; }
    public double P99Ms { get; init; }
    public AuditReport? Audit { get; init; }
    public string? Error { get; init; }
    public required string Summary { get; init; }
}

internal sealed class OptionsReport
{
    public int Buyers { get; init; }
    public int SeatsPerEvent { get; init; }
    public int Events { get; init; }
    public double DurationSeconds { get; init; }
    public double WarmupSeconds { get; init; }
    public double Explicit { get; init; }
    public double Confirm { get; init; }
    public double Release { get; init; }
    public int HoldTtlSeconds { get; init; }
    public int MaxSeatsPerHold { get; init; }
}

internal sealed class OperationReport
{
    public required string Operation { get; init; }
    public long Requests { get; init; }
    public long Ok { get; init; }
    public double RequestsPerSecond { get; init; }
    public double OkPerSecond { get; init; }
    public required LatencyReport LatencyMs { get; init; }
    public required ErrorsReport Errors { get; init; }
}

internal sealed class LatencyReport
{
    public double P50 { get; init; }
    public double P95 { get; init; }
    public double P99 { get; init; }
    public double Max { get; init; }
    public double Mean { get; init; }
}

internal sealed class ErrorsReport
{
    public long Conflict { get; init; }
    public long Gone { get; init; }
    public long Overloaded { get; init; }
    public long OtherClientError { get; init; }
    public long ServerError { get; init; }
    public long Transport { get; init; }

    /// <summary>429 answers, each waited out (Retry-After) and retried; apart from <see cref="Total"/>, which counts failures.</summary>
    public long RateLimited { get; init; }

    public long Total => Conflict + Gone + Overloaded + OtherClientError + ServerError + Transport;
}

internal sealed class AuditReport
{
    public int Oversold { get; init; }
    public int Lost { get; init; }
    public int DoubleBookedSeats { get; init; }
    public int OverCapacitySeats { get; init; }
    public int MissingBookings { get; init; }
    public int BookingsWithUnbookedSeats { get; init; }
    public int UnverifiedBookings { get; init; }
    public int AcknowledgedBookings { get; init; }
    public int AcknowledgedSeats { get; init; }
    public int Capacity { get; init; }
    public int Booked { get; init; }
    public int Held { get; init; }
    public string? Error { get; init; }
}
