using LoadTest.Cli;
using LoadTest.Scenarios;

namespace LoadTest.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_follow_the_documented_values()
    {
        var options = CommandLine.Parse(["hot-event"], out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(ScenarioKind.HotEvent, options.Scenario);
        Assert.Equal(50_000, options.SeatsPerEvent);
        Assert.Equal(256, options.Buyers);
        Assert.Equal(30, options.DurationSeconds);
        Assert.Equal(3, options.WarmupSeconds);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), options.Url);
        Assert.False(options.Quiet);
    }

    [Fact]
    public void Options_parse_in_both_forms_and_the_last_wins()
    {
        var options = CommandLine.Parse(
            ["many-events", "--url", "http://localhost:9000", "--events=5", "--seats", "200", "--buyers", "8", "--quiet", "--json", ".data/x.json", "--buyers=16", "--confirm", "0.7", "--release", "0.3"],
            out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(ScenarioKind.ManyEvents, options.Scenario);
        Assert.Equal(new Uri("http://localhost:9000/"), options.Url);
        Assert.Equal(5, options.Events);
        Assert.Equal(200, options.SeatsPerEvent);
        Assert.Equal(16, options.Buyers);
        Assert.True(options.Quiet);
        Assert.Equal(".data/x.json", options.JsonPath);
    }

    [Fact]
    public void Many_events_defaults_to_a_thousand_seats()
    {
        Assert.Equal(1_000, CommandLine.Parse(["many-events"], out _)!.SeatsPerEvent);
    }

    [Fact]
    public void Check_in_parses_with_its_defaults()
    {
        var options = CommandLine.Parse(["check-in"], out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(ScenarioKind.CheckIn, options.Scenario);
        Assert.Equal("check-in", LoadOptions.ScenarioName(options.Scenario));
        Assert.Equal(20_000, options.Tickets);
        Assert.Equal(4, options.Gates);
        Assert.Equal(0.2, options.RescanFraction);
        Assert.Equal(256, options.Buyers);
    }

    [Fact]
    public void Check_in_options_parse_in_both_forms()
    {
        var options = CommandLine.Parse(["check-in", "--tickets", "5000", "--gates=8", "--rescan", "0.5", "--buyers", "64", "--warmup=1"], out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(5_000, options.Tickets);
        Assert.Equal(8, options.Gates);
        Assert.Equal(0.5, options.RescanFraction);
        Assert.Equal(64, options.Buyers);
        Assert.Equal(1, options.WarmupSeconds);
    }

    [Theory]
    [InlineData("check-in", "--tickets", "0")]
    [InlineData("check-in", "--tickets", "many")]
    [InlineData("check-in", "--gates", "1")]
    [InlineData("check-in", "--gates", "65")]
    [InlineData("check-in", "--rescan", "1.5")]
    [InlineData("check-in", "--rescan", "-0.1")]
    [InlineData("checkin")]
    public void Bad_check_in_arguments_are_rejected_with_a_message(params string[] args)
    {
        Assert.Null(CommandLine.Parse(args, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Usage_lists_the_check_in_scenario_and_its_options()
    {
        Assert.Contains("check-in ", CommandLine.Usage);
        Assert.Contains("--tickets", CommandLine.Usage);
        Assert.Contains("--gates", CommandLine.Usage);
        Assert.Contains("--rescan", CommandLine.Usage);
        Assert.Contains("duplicates_admitted=<n>", CommandLine.Usage);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("hot-event", "--buyers", "0")]
    [InlineData("hot-event", "--duration")]
    [InlineData("hot-event", "--confirm", "0.9", "--release", "0.2")]
    [InlineData("hot-event", "--url", "ftp://x")]
    [InlineData("hot-event", "--bogus", "1")]
    public void Bad_arguments_are_rejected_with_a_message(params string[] args)
    {
        Assert.Null(CommandLine.Parse(args, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Venue_layout_uses_rows_of_100_in_sections_of_10_rows()
    {
        var big = VenueLayout.Build("v", 50_000);
        Assert.Equal(50, big.Sections.Count);
        Assert.All(big.Sections, s => Assert.Equal(10, s.Rows.Count));

        var small = VenueLayout.Build("v", 250);
        var section = Assert.Single(small.Sections);
        Assert.Equal([100, 100, 50], section.Rows.Select(r => r.Seats));
        Assert.Equal("S1", section.Name);
        Assert.Equal(["R1", "R2", "R3"], section.Rows.Select(r => r.Name));
    }
}
