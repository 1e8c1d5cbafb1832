using System.Diagnostics;

namespace LoadTest.Scenarios;

/// <summary>Timestamps (<see cref="Stopwatch.GetTimestamp"/>) bounding a load phase: warmup, then the measured window.</summary>
internal sealed class RunWindow
{
    private RunWindow(long startTimestamp, long measureStartTimestamp, long endTimestamp)
    {
        StartTimestamp = startTimestamp;
        MeasureStartTimestamp = measureStartTimestamp;
        EndTimestamp = endTimestamp;
    }

    public long StartTimestamp { get; }
    public long MeasureStartTimestamp { get; }
    public long EndTimestamp { get; }

    public static RunWindow StartingNow(double warmupSeconds, double durationSeconds)
    {
        var now = Stopwatch.GetTimestamp();
        var measureStart = now + SecondsToTicks(warmupSeconds);
        return new RunWindow(now, measureStart, measureStart + SecondsToTicks(durationSeconds));
    }

    /// <summary>A request counts when it started inside the measured window.</summary>
    public bool IsMeasured(long startTimestamp) => startTimestamp >= MeasureStartTimestamp;

    public bool IsOver(long timestamp) => timestamp >= EndTimestamp;

    public bool InWarmup(long timestamp) => timestamp < MeasureStartTimestamp;

    /// <summary>Seconds measured when the last worker finished at <paramref name="finishedTimestamp"/>.</summary>
    public double MeasuredSeconds(long finishedTimestamp) =>
        Math.Max(0, (finishedTimestamp - MeasureStartTimestamp) / (double)Stopwatch.Frequency);

    public double ElapsedSeconds(long timestamp) => (timestamp - StartTimestamp) / (double)Stopwatch.Frequency;

    /// <summary>A delay shortened so it does not run past the end of the window.</summary>
    public TimeSpan ClampDelay(TimeSpan delay)
    {
        var left = TimeSpan.FromSeconds((EndTimestamp - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
        if (left <= TimeSpan.Zero) return TimeSpan.Zero;
        return delay < left ? delay : left;
    }

    private static long SecondsToTicks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
