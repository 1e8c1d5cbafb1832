using LoadTest.Reporting;

namespace LoadTest.Tests;

public sealed class CheckInSummaryTests
{
    [Fact]
    public void Final_line_has_the_exact_format()
    {
        var summary = new CheckInSummary(ScansPerSecond: 1434.34, CeilingPerSecond: 8650.68, P50Ms: 164.99, P99Ms: 238.34, Admitted: 2000, DuplicatesAdmitted: 0, Failed: 0);

        Assert.Equal("scans/s=1434 ceiling/s=8651 ratio=0.166 p50_ms=165.0 p99_ms=238.3 admitted=2000 duplicates_admitted=0 failed=0", summary.FinalLine());
    }

    [Fact]
    public void A_run_that_never_scanned_prints_zeros_and_an_unknown_failure_count()
    {
        Assert.Equal("scans/s=0 ceiling/s=0 ratio=0.000 p50_ms=0.0 p99_ms=0.0 admitted=0 duplicates_admitted=0 failed=-1", CheckInSummary.NotRun.FinalLine());
        Assert.Equal(0, (CheckInSummary.NotRun with { ScansPerSecond = double.NaN }).Ratio);
    }
}
