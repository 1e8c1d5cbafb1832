using System.Globalization;

namespace LoadTest.Reporting;

/// <summary>The headline numbers, and the exact final line the tool prints.</summary>
internal sealed record Summary(double HoldsPerSecond, double CeilingPerSecond, double P99Ms, int Oversold, int Lost)
{
    /// <summary>holds/s ÷ ceiling/s; 0 when the ceiling was not measured.</summary>
    public double Ratio => CeilingPerSecond > 0 ? HoldsPerSecond / CeilingPerSecond : 0;

    /// <summary><c>holds/s=&lt;n&gt; ceiling/s=&lt;n&gt; ratio=&lt;r&gt; p99_ms=&lt;n&gt; oversold=&lt;n&gt; lost=&lt;n&gt;</c></summary>
    public string FinalLine() =>
        $"holds/s={Number(HoldsPerSecond)} ceiling/s={Number(CeilingPerSecond)} ratio={Number(Ratio)} p99_ms={Number(P99Ms)} oversold={Oversold.ToString(CultureInfo.InvariantCulture)} lost={Lost.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>At most two decimals, invariant culture, no exponent, never "-0" or "NaN".</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return "0";
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0) return "0";
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
