using System.Diagnostics.Metrics;

namespace Grains.Events;

/// <summary>Event grain instruments: how well group commit batches decisions.</summary>
public static class EventMetrics
{
    public const string MeterName = "Booking.Events";

    private static readonly Meter s_meter = new(MeterName);

    public static readonly Histogram<double> JournalWriteLatency = s_meter.CreateHistogram<double>("events.journal.write.duration", unit: "ms", description: "Time of one group commit's journal append");

    public static readonly Histogram<int> BatchSize = s_meter.CreateHistogram<int>("events.journal.batch.size", description: "Decisions persisted by one group commit");
}
