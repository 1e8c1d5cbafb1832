namespace Grains.Abstractions;

/// <summary>Sums over every event an analytics listing matches (all pages); revenue adds amounts of all currencies.</summary>
[GenerateSerializer, Immutable, Alias("AnalyticsTotals")]
public sealed record AnalyticsTotals
{
    [Id(0)]
    public required int Events { get; init; }

    [Id(1)]
    public required long Capacity { get; init; }

    [Id(2)]
    public required long Booked { get; init; }

    [Id(3)]
    public required long Held { get; init; }

    [Id(4)]
    public required decimal Revenue { get; init; }

    [Id(5)]
    public required long HoldsCreated { get; init; }

    [Id(6)]
    public required long HoldsConfirmed { get; init; }

    /// <summary>Confirmed ÷ created holds over all the events, 0..1.</summary>
    [Id(7)]
    public required double ConversionRate { get; init; }

    [Id(8)]
    public required long BookingsCancelled { get; init; }
}
