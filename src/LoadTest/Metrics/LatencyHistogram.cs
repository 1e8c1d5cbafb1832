namespace LoadTest.Metrics;

/// <summary>
/// Log-linear latency histogram with microsecond resolution (HDR-like): values below
/// <see cref="SubBucketCount"/> µs are exact; above that each power of two is split into
/// <see cref="SubBucketCount"/> linear sub-buckets, so the relative error stays below 1/128.
/// Not thread-safe by design: each worker owns one and they are merged after the run.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    internal const int SubBucketCount = 1 << SubBucketBits;
    private const int MaxExponent = 40; // 2^40 µs ≈ 12.7 days; larger values are clamped.
    private const int BucketCount = (MaxExponent - SubBucketBits + 2) * SubBucketCount;
    internal const long HighestTrackableMicros = (1L << (MaxExponent + 1)) - 1;

    private readonly long[] _counts = new long[BucketCount];
    private long _totalCount;
    private long _min = long.MaxValue;
    private long _max;
    private double _sum;

    public long TotalCount => _totalCount;
    public long MinMicros => _totalCount == 0 ? 0 : _min;
    public long MaxMicros => _max;
    public double MeanMicros => _totalCount == 0 ? 0 : _sum / _totalCount;

    public void RecordMicros(long micros)
    {
        if (micros < 0) micros = 0;
        if (micros > HighestTrackableMicros) micros = HighestTrackableMicros;
        _counts[IndexOf(micros)]++;
        _totalCount++;
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
    /// The value at percentile <paramref name="percentile"/> (0-100): the highest value equivalent to the
    /// bucket holding the sample of rank ceil(p/100 * n), clamped to the recorded maximum.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (_totalCount == 0) return 0;
        var p = Math.Clamp(percentile, 0, 100);
        var rank = Math.Max(1, (long)Math.Ceiling(p / 100.0 * _totalCount));
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += _counts[i];
            if (cumulative >= rank)
            {
                return Math.Min(HighestEquivalentValue(i), _max);
            }
        }

        return _max;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _totalCount += other._totalCount;
        _sum += other._sum;
        if (other._totalCount > 0)
        {
            _min = Math.Min(_min, other._min);
            _max = Math.Max(_max, other._max);
        }
    }

    internal static int IndexOf(long micros)
    {
        if (micros < SubBucketCount) return (int)micros;
        var exponent = 63 - (int)long.LeadingZeroCount(micros); // >= SubBucketBits
        var shift = exponent - SubBucketBits;
        var subBucket = (int)(micros >> shift) - SubBucketCount; // 0..SubBucketCount-1
        return (shift + 1) * SubBucketCount + subBucket;
    }

    internal static long LowestEquivalentValue(int index)
    {
        if (index < SubBucketCount) return index;
        var shift = index / SubBucketCount - 1;
        var subBucket = index % SubBucketCount;
        return (long)(SubBucketCount + subBucket) << shift;
    }

    internal static long HighestEquivalentValue(int index)
    {
        if (index < SubBucketCount) return index;
        var shift = index / SubBucketCount - 1;
        return LowestEquivalentValue(index) + (1L << shift) - 1;
    }
}
