namespace LoadTest.Cli;

internal enum ScenarioKind
{
    HotEvent,
    ManyEvents,
    Ceiling,
    All,
    Search,
    CheckIn,
}

/// <summary>Everything the command line can set; defaults are the documented ones.</summary>
internal sealed record LoadOptions
{
    public ScenarioKind Scenario { get; init; } = ScenarioKind.HotEvent;
    public Uri Url { get; init; } = new("http://127.0.0.1:8080/");
    public int Seats { get; init; } = 50_000;
    public bool SeatsSet { get; init; }
    public int Events { get; init; } = 100;
    public bool EventsSet { get; init; }
    public int Buyers { get; init; } = 256;
    public double DurationSeconds { get; init; } = 30;
    public double WarmupSeconds { get; init; } = 3;
    public double ExplicitFraction { get; init; } = 0.2;
    public double ConfirmFraction { get; init; } = 0.5;
    public double ReleaseFraction { get; init; } = 0.2;
    public int HoldTtlSeconds { get; init; } = 15;
    public int MaxSeatsPerHold { get; init; } = 100;
    public int IdentitiesPerBuyer { get; init; } = 16;
    public int Tickets { get; init; } = 20_000;
    public int Gates { get; init; } = 4;
    public double RescanFraction { get; init; } = 0.2;
    public string? JsonPath { get; init; }
    public bool Quiet { get; init; }

    /// <summary>Seats per event: --seats when given, else 50000 for hot-event and 1000 for many-events.</summary>
    public int SeatsPerEvent => SeatsSet ? Seats : Scenario == ScenarioKind.ManyEvents ? 1_000 : 50_000;

    public static string ScenarioName(ScenarioKind kind) => kind switch
    {
        ScenarioKind.HotEvent => "hot-event",
        ScenarioKind.ManyEvents => "many-events",
        ScenarioKind.Ceiling => "ceiling",
        ScenarioKind.All => "all",
        ScenarioKind.Search => "search",
        ScenarioKind.CheckIn => "check-in",
        _ => kind.ToString(),
    };
}
