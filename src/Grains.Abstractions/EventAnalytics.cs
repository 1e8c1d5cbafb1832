namespace Grains.Abstractions;

public sealed record EventAnalytics
{
    public required string EventId { get; init; }

    public required int Capacity { get; init; }

    public required int Booked { get; init; }

    public required int Held { get; init; }

    public required int Available { get; init; }

    /// <summary>Booked ÷ capacity, 0..1.</summary>
    public required double Utilization { get; init; }

    public required decimal Revenue { get; init; }

    public required string Currency { get; init; }

    public required long HoldsCreated { get; init; }

    public required long HoldsExpired { get; init; }

    public required long HoldsReleased { get; init; }

    public required long HoldsConfirmed { get; init; }

    /// <summary>Confirmed ÷ created holds, 0..1.</summary>
    public required double ConversionRate { get; init; }

    public required long BookingsCancelled { get; init; }
}
