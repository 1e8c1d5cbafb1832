namespace Grains.Abstractions;

/// <summary>Door figures: tickets of live bookings, tickets admitted, admissions per gate ("none" for gate-less scans).</summary>
[GenerateSerializer, Immutable, Alias("CheckInStatsView")]
public sealed record CheckInStatsView
{
    [Id(0)]
    public required int Tickets { get; init; }

    [Id(1)]
    public required int CheckedIn { get; init; }

    [Id(2)]
    public required IReadOnlyDictionary<string, int> ByGate { get; init; }
}
