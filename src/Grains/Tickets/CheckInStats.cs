namespace Grains.Tickets;

/// <summary>Door figures: tickets issued, tickets admitted, and admissions per gate.</summary>
[GenerateSerializer, Immutable, Alias("CheckInStats")]
public sealed record CheckInStats
{
    [Id(0)]
    public required int Tickets { get; init; }

    [Id(1)]
    public required int CheckedIn { get; init; }

    [Id(2)]
    public required IReadOnlyDictionary<string, int> ByGate { get; init; }
}
