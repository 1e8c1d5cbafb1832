namespace Grains.Events;

/// <summary>Analytics counters, folded from the journal like the rest of the state.</summary>
public sealed class EventCounters
{
    public long HoldsCreated { get; set; }

    public long HoldsExpired { get; set; }

    public long HoldsReleased { get; set; }

    public long HoldsConfirmed { get; set; }

    public long BookingsCancelled { get; set; }

    public decimal Revenue { get; set; }
}
