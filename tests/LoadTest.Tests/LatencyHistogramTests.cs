using LoadTest.Metrics;

namespace LoadTest.Tests;

public sealed class LatencyHistogramTests
{
    private static readonly double[] s_percentiles = [0, 1, 10, 50, 90, 95, 99, 99.9, 100];

    /// <summary>Three significant digits: a reported percentile is at most 0.1 % above the true sample.</summary>
    private const double Precision = 0.001;

    [Fact]
    public void Percentiles_of_a_uniform_distribution_are_within_a_tenth_of_a_percent()
    {
        var values = Enumerable.Range(1, 100_000).Select(v => (long)v).ToArray();
        new Random(3).Shuffle(values);
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.RecordMicros(v);

        AssertClose(50_000, histogram.ValueAtPercentile(50));
        AssertClose(99_000, histogram.ValueAtPercentile(99));
        AssertClose(99_900, histogram.ValueAtPercentile(99.9));
        Assert.Equal(100_000, histogram.ValueAtPercentile(100)); // the exact maximum, not the top of its bucket
        Assert.Equal(100_000, histogram.MaxMicros);
        Assert.Equal(1, histogram.MinMicros);
        Assert.Equal(100_000, histogram.TotalCount);
        Assert.Equal(50_000.5, histogram.MeanMicros, 6);
    }

    [Fact]
    public void Percentiles_match_sorted_array_reference_within_precision()
    {
        var values = SampleMicros(seed: 7, count: 50_000);
        var histogram = new LatencyHistogram();
        foreach (var v in values) histogram.RecordMicros(v);

        var sorted = values.Order().ToArray();
        foreach (var p in s_percentiles)
        {
            AssertClose(Reference(sorted, p), histogram.ValueAtPercentile(p));
        }

        Assert.Equal(sorted[^1], histogram.MaxMicros);
        Assert.Equal(sorted[^1], histogram.ValueAtPercentile(100));
        Assert.Equal(sorted[0], histogram.MinMicros);
        Assert.Equal(values.Length, histogram.TotalCount);
        Assert.Equal(values.Average(v => (double)v), histogram.MeanMicros, 6);
    }

    [Fact]
    public void Small_values_are_exact()
    {
        var histogram = new LatencyHistogram();
        for (var v = 1; v <= 100; v++) histogram.RecordMicros(v);

        Assert.Equal(1, histogram.ValueAtPercentile(0));
        Assert.Equal(50, histogram.ValueAtPercentile(50));
        Assert.Equal(95, histogram.ValueAtPercentile(95));
        Assert.Equal(99, histogram.ValueAtPercentile(99));
        Assert.Equal(100, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Single_value_is_every_percentile()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicros(1_234_567);

        foreach (var p in s_percentiles)
        {
            Assert.Equal(1_234_567, histogram.ValueAtPercentile(p));
        }
    }

    [Fact]
    public void Empty_histogram_reports_zero()
    {
        var histogram = new LatencyHistogram();
        histogram.Add(new LatencyHistogram());

        Assert.Equal(0, histogram.TotalCount);
        Assert.Equal(0, histogram.ValueAtPercentile(50));
        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.ValueAtPercentile(100));
        Assert.Equal(0, histogram.MaxMicros);
        Assert.Equal(0, histogram.MinMicros);
        Assert.Equal(0, histogram.MeanMicros);
    }

    [Fact]
    public void Values_beyond_range_are_clamped_not_lost()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicros(long.MaxValue);
        histogram.RecordMicros(-5);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(LatencyHistogram.HighestTrackableMicros, histogram.MaxMicros);
        Assert.Equal(LatencyHistogram.HighestTrackableMicros, histogram.ValueAtPercentile(100));
        Assert.Equal(0, histogram.MinMicros);
        Assert.Equal(0, histogram.ValueAtPercentile(50));
    }

    [Fact]
    public void Elapsed_stopwatch_ticks_are_recorded_in_microseconds()
    {
        var histogram = new LatencyHistogram();
        var start = 1_000 * System.Diagnostics.Stopwatch.Frequency;
        histogram.RecordElapsed(start, start + System.Diagnostics.Stopwatch.Frequency / 4); // 250 ms

        Assert.Equal(250_000, histogram.MaxMicros);
        Assert.Equal(250_000, histogram.ValueAtPercentile(50));
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
        merged.Add(new LatencyHistogram()); // an empty worker changes nothing, first or later
        foreach (var part in parts) merged.Add(part);
        merged.Add(new LatencyHistogram());

        Assert.Equal(single.TotalCount, merged.TotalCount);
        Assert.Equal(single.MaxMicros, merged.MaxMicros);
        Assert.Equal(single.MinMicros, merged.MinMicros);
        Assert.Equal(single.MeanMicros, merged.MeanMicros, 6);
        foreach (var p in s_percentiles)
        {
            Assert.Equal(single.ValueAtPercentile(p), merged.ValueAtPercentile(p));
        }

        var sorted = values.Order().ToArray();
        AssertClose(Reference(sorted, 99), merged.ValueAtPercentile(99));
        Assert.Equal(20_000 / 4, parts[0].TotalCount); // the parts themselves are untouched
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

    /// <summary>The reported value is never below the true sample and at most 0.1 % above it.</summary>
    private static void AssertClose(long expected, long actual) =>
        Assert.InRange(actual, expected, expected + (long)(expected * Precision));

    /// <summary>Nearest rank round(p/100 * n), at least 1 — the definition the histogram implements.</summary>
    private static long Reference(long[] sorted, double percentile)
    {
        var rank = Math.Max(1, (long)(percentile / 100.0 * sorted.Length + 0.5));
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
