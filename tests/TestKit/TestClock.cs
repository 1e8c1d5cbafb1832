namespace TestKit;

public static class TestClock
{
    /// <summary>Where the fake clocks of grain tests start: a fixed instant, so runs are alike.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
}
