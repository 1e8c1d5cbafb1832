using HdrHistogram;

namespace LoadTest.Metrics;

/// <summary>
/// Latency histogram in microseconds backed by HdrHistogram with <see cref="SignificantDigits"/> significant
/// digits: a percentile is reported as the top of its bucket, at most 0.1 % above the true sample.
/// Count, min, max and mean are kept exactly next to the buckets.
/// Not thread-safe by design: each worker owns one and they are merged after the run.
/// </summary>
internal sealed class LatencyHistogram
{
    internal const int SignificantDigits = 3;

    /// <summary>Two minutes; a request gives up after 30 s, so only nonsense is clamped.</summary>
    internal const long HighestTrackableMicros = 120_000_000;

    // Allocated on first use: a worker never measures most operations (a ceiling worker only
    // measures GET /ceiling). Int counts (no bucket of one worker's run nears 2^31) and a two-minute
    // range keep one histogram near 70 KB at three digits, so 256 buyers' histograms stay small
    // beside the system they measure on the same machine.
    private IntHistogram? _histogram;
    private long _min = long.MaxValue;
    private long _max;
    private double _sum;

    public long TotalCount => _histogram?.TotalCount ?? 0;
    public long MinMicros => TotalCount == 0 ? 0 : _min;
    public long MaxMicros => _max;
    public double MeanMicros => TotalCount == 0 ? 0 : _sum / TotalCount;

    /// <summary>Records one latency; negative values count as 0, values above <see cref="HighestTrackableMicros"/> as that.</summary>
    public void RecordMicros(long micros)
    {
        micros = Math.Clamp(micros, 0, HighestTrackableMicros);
        Histogram.RecordValue(micros);
        _sum += micros;
        if (micros < _min) _min = micros;
        if (micros > _max) _max = micros;
    }

    /// <summary>Records the time elapsed between two <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> values.</summary>
    public void RecordElapsed(long startTimestamp, long endTimestamp) =>
        RecordMicros(TimestampToMicros(endTimestamp - startTimestamp));

    public static long TimestampToMicros(long ticks) =>
        (long)(ticks * (1_000_000.0 / System.Diagnostics.Stopwatch.Frequency));

    /// <summary>
    /// The value at percentile <paramref name="percentile"/> (0-100): HdrHistogram's value for the sample of
    /// rank round(p/100 * n) (at least 1), i.e. the highest value equivalent to its bucket, clamped to the
    /// recorded maximum. 0 when nothing was recorded.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (_histogram is not { TotalCount: > 0 } histogram) return 0;
        return Math.Min(histogram.GetValueAtPercentile(Math.Clamp(percentile, 0, 100)), _max);
    }

    /// <summary>Adds every sample of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        if (other._histogram is not { TotalCount: > 0 } samples) return;

        Histogram.Add(samples);
        _sum += other._sum;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    private IntHistogram Histogram => _histogram ??= new IntHistogram(HighestTrackableMicros, SignificantDigits);
}
