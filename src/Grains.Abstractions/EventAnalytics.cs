namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("EventAnalytics")]
public sealed record EventAnalytics
{
    [Id(0)]
    public required string EventId { get; init; }

    [Id(1)]
    public required int Capacity { get; init; }

    [Id(2)]
    public required int Booked { get; init; }

    [Id(3)]
    public required int Held { get; init; }

    [Id(4)]
    public required int Available { get; init; }

    /// <summary>Booked ÷ capacity, 0..1.</summary>
    [Id(5)]
    public required double Utilization { get; init; }

    [Id(6)]
    public required decimal Revenue { get; init; }

    [Id(7)]
    public required string Currency { get; init; }

    [Id(8)]
    public required long HoldsCreated { get; init; }

    [Id(9)]
    public required long HoldsExpired { get; init; }

    [Id(10)]
    public required long HoldsReleased { get; init; }

    [Id(11)]
    public required long HoldsConfirmed { get; init; }

    /// <summary>Confirmed ÷ created holds, 0..1.</summary>
    [Id(12)]
    public required double ConversionRate { get; init; }

    [Id(13)]
    public required long BookingsCancelled { get; init; }

    /// <summary>Tickets admitted at the door (online and offline scans).</summary>
    [Id(14)]
    public int CheckedIn { get; init; }
}
