using LoadTest.Audit;
using LoadTest.Metrics;

namespace LoadTest.Scenarios;

/// <summary>What one load phase (ceiling or booking) produced.</summary>
internal sealed record LoadPhaseResult(WorkerStats Total, double MeasuredSeconds, IReadOnlyList<AcknowledgedBooking> Acknowledged, int BuyersStoppedEarly)
{
    public double PerSecond(Operation operation) =>
        MeasuredSeconds <= 0 ? 0 : Total[operation].Requests / MeasuredSeconds;

    public double OkPerSecond(Operation operation) =>
        MeasuredSeconds <= 0 ? 0 : Total[operation].Count(Outcome.Ok) / MeasuredSeconds;
}
