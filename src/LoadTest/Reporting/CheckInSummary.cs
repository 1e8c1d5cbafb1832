using System.Globalization;

namespace LoadTest.Reporting;

/// <summary>The door's headline numbers, and the exact final line the check-in scenario prints.</summary>
internal sealed record CheckInSummary(double ScansPerSecond, double CeilingPerSecond, double P50Ms, double P99Ms, int Admitted, int DuplicatesAdmitted, int Failed)
{
    /// <summary>scans/s ÷ ceiling/s; 0 when the ceiling was not measured.</summary>
    public double Ratio => CeilingPerSecond > 0 ? ScansPerSecond / CeilingPerSecond : 0;

    /// <summary>What a run that could not set up or scan prints: nothing measured, failed unknown.</summary>
    public static CheckInSummary NotRun { get; } = new(0, 0, 0, 0, 0, 0, -1);

    /// <summary><c>scans/s=&lt;n&gt; ceiling/s=&lt;n&gt; ratio=&lt;r&gt; p50_ms=&lt;n&gt; p99_ms=&lt;n&gt; admitted=&lt;n&gt; duplicates_admitted=&lt;n&gt; failed=&lt;n&gt;</c>, as the search line rounds.</summary>
    public string FinalLine() => string.Create(CultureInfo.InvariantCulture,
        $"scans/s={Whole(ScansPerSecond)} ceiling/s={Whole(CeilingPerSecond)} ratio={Finite(Ratio):0.000} p50_ms={Finite(P50Ms):0.0} p99_ms={Finite(P99Ms):0.0} admitted={Admitted} duplicates_admitted={DuplicatesAdmitted} failed={Failed}");

    private static string Whole(double value) => Finite(value).ToString("0", CultureInfo.InvariantCulture);

    private static double Finite(double value) => double.IsFinite(value) && value > 0 ? value : 0;
}
