using System.Diagnostics.Metrics;

namespace Runtime.Diagnostics;

/// <summary>Runtime instruments (System.Diagnostics.Metrics), exported by whatever listener the host wires up.</summary>
public static class RuntimeMetrics
{
    public const string MeterName = "Booking.Runtime";

    private static readonly Meter s_meter = new(MeterName);

    public static readonly Counter<long> ActivationsCreated = s_meter.CreateCounter<long>("runtime.activations.created");

    public static readonly Counter<long> ActivationsDeactivated = s_meter.CreateCounter<long>("runtime.activations.deactivated");

    public static readonly UpDownCounter<long> ActiveActivations = s_meter.CreateUpDownCounter<long>("runtime.activations.active");

    public static readonly Histogram<int> QueueLength = s_meter.CreateHistogram<int>("runtime.queue.length", description: "Calls already queued when a call arrives");

    public static readonly Counter<long> Overloaded = s_meter.CreateCounter<long>("runtime.calls.overloaded");

    public static readonly Histogram<double> TurnDuration = s_meter.CreateHistogram<double>("runtime.turn.duration", unit: "ms");

    public static readonly Histogram<double> StorageLatency = s_meter.CreateHistogram<double>("runtime.storage.latency", unit: "ms");

    public static readonly Counter<long> StorageConflicts = s_meter.CreateCounter<long>("runtime.storage.conflicts");

    public static readonly Counter<long> RemindersFired = s_meter.CreateCounter<long>("runtime.reminders.fired");
}
