using LoadTest.Metrics;

namespace LoadTest.Reporting;

/// <summary>Turns merged worker statistics into report rows.</summary>
internal static class OperationReports
{
    public static OperationReport From(Operation operation, OperationStats stats, double measuredSeconds)
    {
        var latency = stats.Latency;
        return new OperationReport
        {
            Operation = Operations.Name(operation),
            Requests = stats.Requests,
            Ok = stats.Count(Outcome.Ok),
            RequestsPerSecond = Rate(stats.Requests, measuredSeconds),
            OkPerSecond = Rate(stats.Count(Outcome.Ok), measuredSeconds),
            LatencyMs = new LatencyReport
            {
                P50 = Ms(latency.ValueAtPercentile(50)),
                P95 = Ms(latency.ValueAtPercentile(95)),
                P99 = Ms(latency.ValueAtPercentile(99)),
                Max = Ms(latency.MaxMicros),
                Mean = Math.Round(latency.MeanMicros / 1000.0, 3),
            },
            Errors = new ErrorsReport
            {
                Conflict = stats.Count(Outcome.Conflict),
                Gone = stats.Count(Outcome.Gone),
                Overloaded = stats.Count(Outcome.Overloaded),
                OtherClientError = stats.Count(Outcome.OtherClientError),
                ServerError = stats.Count(Outcome.ServerError),
                Transport = stats.Count(Outcome.Transport),
                RateLimited = stats.Count(Outcome.RateLimited),
            },
        };
    }

    private static double Rate(long count, double seconds) => seconds <= 0 ? 0 : Math.Round(count / seconds, 2);

    private static double Ms(long micros) => micros / 1000.0;
}
