using System.Globalization;

namespace LoadTest.Cli;

/// <summary>Hand-rolled parser: <c>&lt;scenario&gt; [--name value | --name=value | --flag]...</c>; the last occurrence wins.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: loadtest <scenario> [options]

        scenarios:
          hot-event     one event with --seats seats, --buyers buyers hold/confirm/release until sold out or time up
          many-events   --events events of --seats seats each; buyers pick a random event per iteration
          ceiling       same client and concurrency against GET /health/live (the machine's HTTP ceiling)
          all           ceiling, then hot-event; reports ratio = holds/s / ceiling/s
          search        seeds --events events (default 10000 for search) into the catalogue, then the
                        ceiling, then --buyers searchers with mixed filters on GET /events;
                        last line: searches/s=<n> ceiling/s=<n> ratio=<r> p50_ms=<n> p99_ms=<n> failed=<n>
          check-in      books --tickets tickets of one seated event and fetches their codes, then the
                        ceiling, then --buyers scanners post every code from two gates at once (plus
                        --rescan later re-scans) to POST /events/{id}/check-ins; audits that no ticket
                        was admitted twice; last line: scans/s=<n> ceiling/s=<n> ratio=<r> p50_ms=<n>
                        p99_ms=<n> admitted=<n> duplicates_admitted=<n> failed=<n>

        options:
          --url <url>            API base address (default http://127.0.0.1:8080)
          --seats <n>            seats per event (default 50000 for hot-event, 1000 for many-events)
          --events <n>           number of events for many-events (default 100)
          --buyers <n>           concurrent virtual buyers / connections (default 256)
          --duration <s>         measured seconds (default 30; check-in ends sooner once every scan is answered)
          --warmup <s>           seconds before measuring starts (default 3)
          --explicit <f>         fraction of holds naming explicit seats (default 0.2)
          --confirm <f>          fraction of holds confirmed (default 0.5)
          --release <f>          fraction of holds released; the rest are abandoned (default 0.2)
          --hold-ttl <s>         holdTtlSeconds of the created events (default 15)
          --identities <n>       buyer identities each virtual buyer cycles through (default 16)
          --max-per-hold <n>     maxSeatsPerHold of the created events (default 100)
          --tickets <n>          check-in: tickets booked before the door opens (default 20000)
          --gates <n>            check-in: gate names the scans are spread over (default 4, at least 2)
          --rescan <f>           check-in: fraction of tickets scanned once more, later (default 0.2)
          --json <file>          write the machine-readable report to <file>
          --quiet                no live progress (for CI and logs)
          -h, --help             this text

        The last line printed is:
          holds/s=<n> ceiling/s=<n> ratio=<r> p99_ms=<n> oversold=<n> lost=<n>
        exit code: 0 ok, 1 oversold or lost > 0 (check-in: a ticket admitted twice, a 5xx, a valid
        ticket refused, or door figures that disagree with the scans), 2 usage error, 3 setup or run
        failure, 4 audit incomplete
        """;

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> on failure (error is null for --help).</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return null;
        }

        var scenario = ParseScenario(args[0]);
        if (scenario is null)
        {
            error = $"unknown scenario '{args[0]}'";
            return null;
        }

        var options = new LoadOptions { Scenario = scenario.Value };
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }

            string name;
            string? value = null;
            var eq = arg.IndexOf('=');
            if (eq > 0)
            {
                name = arg[2..eq];
                value = arg[(eq + 1)..];
            }
            else
            {
                name = arg[2..];
            }

            if (name == "quiet")
            {
                options = options with { Quiet = value is null || ParseBool(value) };
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    error = $"option --{name} needs a value";
                    return null;
                }

                value = args[++i];
            }

            var applied = Apply(options, name, value, out error);
            if (applied is null)
            {
                return null;
            }

            options = applied;
        }

        if (options.ConfirmFraction + options.ReleaseFraction > 1.0 + 1e-9)
        {
            error = "--confirm + --release must not exceed 1";
            return null;
        }

        return options;
    }

    private static LoadOptions? Apply(LoadOptions options, string name, string value, out string? error)
    {
        error = null;
        switch (name)
        {
            case "url":
                if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url)
                    || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    error = $"--url '{value}' is not an http(s) address";
                    return null;
                }

                return options with { Url = url };
            case "seats":
                return Int(value, 1, 10_000_000, name, out var seats, out error) ? options with { Seats = seats, SeatsSet = true } : null;
            case "events":
                return Int(value, 1, 100_000, name, out var events, out error) ? options with { Events = events, EventsSet = true } : null;
            case "buyers":
                return Int(value, 1, 100_000, name, out var buyers, out error) ? options with { Buyers = buyers } : null;
            case "duration":
                return Double(value, 0.1, 86_400, name, out var duration, out error) ? options with { DurationSeconds = duration } : null;
            case "warmup":
                return Double(value, 0, 3_600, name, out var warmup, out error) ? options with { WarmupSeconds = warmup } : null;
            case "explicit":
                return Double(value, 0, 1, name, out var explicitFraction, out error) ? options with { ExplicitFraction = explicitFraction } : null;
            case "confirm":
                return Double(value, 0, 1, name, out var confirm, out error) ? options with { ConfirmFraction = confirm } : null;
            case "release":
                return Double(value, 0, 1, name, out var release, out error) ? options with { ReleaseFraction = release } : null;
            case "hold-ttl":
                return Int(value, 1, 86_400, name, out var ttl, out error) ? options with { HoldTtlSeconds = ttl } : null;
            case "identities":
                return Int(value, 1, 1_000, name, out var identities, out error) ? options with { IdentitiesPerBuyer = identities } : null;
            case "max-per-hold":
                return Int(value, 4, 1_000, name, out var maxPerHold, out error) ? options with { MaxSeatsPerHold = maxPerHold } : null;
            case "tickets":
                return Int(value, 1, 1_000_000, name, out var tickets, out error) ? options with { Tickets = tickets } : null;
            case "gates":
                return Int(value, 2, 64, name, out var gates, out error) ? options with { Gates = gates } : null;
            case "rescan":
                return Double(value, 0, 1, name, out var rescan, out error) ? options with { RescanFraction = rescan } : null;
            case "json":
                return options with { JsonPath = value };
            default:
                error = $"unknown option --{name}";
                return null;
        }
    }

    private static ScenarioKind? ParseScenario(string value) => value switch
    {
        "hot-event" => ScenarioKind.HotEvent,
        "many-events" => ScenarioKind.ManyEvents,
        "ceiling" => ScenarioKind.Ceiling,
        "all" => ScenarioKind.All,
        "search" => ScenarioKind.Search,
        "check-in" => ScenarioKind.CheckIn,
        _ => null,
    };

    private static bool ParseBool(string value) => value is "1" or "true" or "yes" or "on";

    private static bool Int(string value, int min, int max, string name, out int result, out string? error)
    {
        error = null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) && result >= min && result <= max)
        {
            return true;
        }

        error = $"--{name} must be an integer in [{min}, {max}], got '{value}'";
        return false;
    }

    private static bool Double(string value, double min, double max, string name, out double result, out string? error)
    {
        error = null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && result >= min && result <= max)
        {
            return true;
        }

        error = $"--{name} must be a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}], got '{value}'";
        return false;
    }
}
