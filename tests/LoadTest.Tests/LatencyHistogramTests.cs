using LoadTest.Metrics;

namespace LoadTest.Tests;

public sealed class LatencyHistogramTests
{
    private static readonly double[] s_percentiles = [0, 1, 10, 50, 90, 95, 99, 99.9, 100];

    [Fact]
    public void Percentiles_match_sorted_array_reference_within_bucket_precision()
    {
        var values = SampleMicros(seed: 7, count: 50_000);
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.RecordMicros(v);

        var sorted = values.Order().ToArray();
        foreach (var p in s_percentiles)
        {
            var expected = Reference(sorted, p);
            var actual = histogram.ValueAtPercentile(p);
            Assert.InRange(actual, expected, expected + expected / LatencyHistogram.SubBucketCount);
        }

        Assert.Equal(sorted[^1], histogram.MaxMicros);
        Assert.Equal(sorted[0], histogram.MinMicros);
        Assert.Equal(values.Length, histogram.TotalCount);
        Assert.Equal(values.Average(v => (double)v), histogram.MeanMicros, 6);
    }

    [Fact]
    public void Small_values_are_exact()
    {
        var histogram = new LatencyHistogram();
        for (var v = 1; v <= 100; v++) histogram.RecordMicros(v);

        Assert.Equal(50, histogram.ValueAtPercentile(50));
        Assert.Equal(95, histogram.ValueAtPercentile(95));
        Assert.Equal(99, histogram.ValueAtPercentile(99));
        Assert.Equal(100, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.MaxMicros);
        Assert.Equal(0, histogram.MinMicros);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(127L)]
    [InlineData(128L)]
    [InlineData(255L)]
    [InlineData(256L)]
    [InlineData(12_345L)]
    [InlineData(1_000_000L)]
    [InlineData(987_654_321L)]
    public void Every_value_falls_inside_its_bucket(long value)
    {
        var index = LatencyHistogram.IndexOf(value);
        Assert.InRange(value, LatencyHistogram.LowestEquivalentValue(index), LatencyHistogram.HighestEquivalentValue(index));
        Assert.Equal(LatencyHistogram.HighestEquivalentValue(index) + 1, LatencyHistogram.LowestEquivalentValue(index + 1));
    }

    [Fact]
    public void Values_beyond_range_are_clamped_not_lost()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicros(long.MaxValue);
        histogram.RecordMicros(-5);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(LatencyHistogram.HighestTrackableMicros, histogram.MaxMicros);
        Assert.Equal(0, histogram.ValueAtPercentile(50));
    }

    [Fact]
    public void Merged_histograms_equal_one_histogram_of_all_values()
    {
        var values = SampleMicros(seed: 11, count: 20_000);
        var single = new LatencyHistogram();
        var parts = Enumerable.Range(0, 4).Select(_ => new LatencyHistogram()).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            single.RecordMicros(values[i]);
            parts[i % parts.Length].RecordMicros(values[i]);
        }

        var merged = new LatencyHistogram();
        foreach (var part in parts) merged.Add(part);
        merged.Add(new LatencyHistogram()); // an empty worker changes nothing

        Assert.Equal(single.TotalCount, merged.TotalCount);
        Assert.Equal(single.MaxMicros, merged.MaxMicros);
        Assert.Equal(single.MinMicros, merged.MinMicros);
        Assert.Equal(single.MeanMicros, merged.MeanMicros, 6);
        foreach (var p in s_percentiles)
        {
            Assert.Equal(single.ValueAtPercentile(p), merged.ValueAtPercentile(p));
        }

        var sorted = values.Order().ToArray();
        var p99 = Reference(sorted, 99);
        Assert.InRange(merged.ValueAtPercentile(99), p99, p99 + p99 / LatencyHistogram.SubBucketCount);
    }

    [Fact]
    public void Operation_stats_merge_counts_and_latency_but_only_measured_requests()
    {
        var a = new OperationStats();
        var b = new OperationStats();
        a.Record(Outcome.Ok, 0, 0, measured: true);
        a.Record(Outcome.Conflict, 0, 0, measured: true);
        a.Record(Outcome.Ok, 0, 0, measured: false); // warmup
        b.Record(Outcome.Transport, 0, 0, measured: true);

        var total = new OperationStats();
        total.Add(a);
        total.Add(b);

        Assert.Equal(3, total.Requests);
        Assert.Equal(1, total.Count(Outcome.Ok));
        Assert.Equal(1, total.Count(Outcome.Conflict));
        Assert.Equal(1, total.Count(Outcome.Transport));
        Assert.Equal(2, total.Errors);
        Assert.Equal(2, total.Latency.TotalCount); // transport failures have no latency
        Assert.Equal(4, total.LiveRequests);
    }

    /// <summary>Rank ceil(p/100 * n), at least 1 — the definition the histogram implements.</summary>
    private static long Reference(long[] sorted, double percentile)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * sorted.Length));
        return sorted[rank - 1];
    }

    /// <summary>Log-uniform latencies from 1 µs to ~10 s, plus a cluster of typical values.</summary>
    private static long[] SampleMicros(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => i % 3 == 0 ? 800 + random.Next(400) : (long)Math.Exp(random.NextDouble() * Math.Log(10_000_000)))
            .ToArray();
    }
}
