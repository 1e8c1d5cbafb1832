using LoadTest.Reporting;

namespace LoadTest.Tests;

public sealed class SummaryTests
{
    [Fact]
    public void Final_line_has_the_exact_format()
    {
        var summary = new Summary(HoldsPerSecond: 1234.567, CeilingPerSecond: 20000, P99Ms: 12.3456, Oversold: 0, Lost: 0);

        Assert.Equal("holds/s=1234.57 ceiling/s=20000 ratio=0.06 p99_ms=12.35 oversold=0 lost=0", summary.FinalLine());
    }

    [Fact]
    public void Ceiling_and_ratio_are_zero_when_the_ceiling_was_not_run()
    {
        var summary = new Summary(HoldsPerSecond: 812.5, CeilingPerSecond: 0, P99Ms: 3, Oversold: 2, Lost: 1);

        Assert.Equal(0, summary.Ratio);
        Assert.Equal("holds/s=812.5 ceiling/s=0 ratio=0 p99_ms=3 oversold=2 lost=1", summary.FinalLine());
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.001, "0")]
    [InlineData(double.NaN, "0")]
    [InlineData(double.PositiveInfinity, "0")]
    [InlineData(0.005, "0.01")]
    [InlineData(1.1, "1.1")]
    [InlineData(2.999, "3")]
    [InlineData(1234567.891, "1234567.89")]
    public void Numbers_have_at_most_two_decimals_in_invariant_culture(double value, string expected)
    {
        Assert.Equal(expected, Summary.Number(value));
    }
}
