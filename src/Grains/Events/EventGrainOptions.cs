using System.ComponentModel.DataAnnotations;

namespace Grains.Events;

/// <summary>Event grain behaviour, bound from the "Events" configuration section.</summary>
public sealed class EventGrainOptions
{
    public const string SectionName = "Events";

    /// <summary>Longest total life of a hold, however often it is extended. Default 15 minutes.</summary>
    public TimeSpan MaxHoldLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an active event grain journals the holds that expired (they are free at once either way). Default 1 second.</summary>
    public TimeSpan ExpirySweepPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Period of the durable reminder kept while holds are active or messages wait in the outbox;
    /// after a crash it brings the grain back to journal expiries and deliver messages. Default 1 minute
    /// (Orleans refuses reminder periods under ReminderOptions.MinimumReminderPeriod, 1 minute by default).
    /// </summary>
    public TimeSpan RecoveryReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Journal entries between snapshots; bounds the replay on activation. Default 1,000.</summary>
    [Range(10, 1_000_000)]
    public int SnapshotEveryEntries { get; set; } = 1_000;

    /// <summary>
    /// How long expired and released holds stay readable (GET hold, 410 with their status) before they
    /// are forgotten; a forgotten hold then answers 410 "Hold ended". Kept short because a sale turns
    /// holds over by the thousand per second and each one kept costs memory and snapshot bytes.
    /// Confirmed holds are kept with their bookings. Default 2 minutes.
    /// </summary>
    public TimeSpan EndedHoldRetention { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// At most this many expired and released holds are kept readable, the most recent ones; older
    /// ones are forgotten at the next sweep even within <see cref="EndedHoldRetention"/>. Each costs
    /// ~230 bytes of memory and snapshot: a sale releasing 4,000 holds/s would otherwise keep
    /// 480,000 of them (~110 MB) for 2 minutes. Default 10,000.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxEndedHolds { get; set; } = 10_000;

    /// <summary>How long an Idempotency-Key is remembered; a retry later than this is a new request. Default 24 hours.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Users an event grain delivers outbox messages to at the same time while its journal is idle;
    /// while the journal is writing (a sale in progress) it delivers to one at a time. Default 4.
    /// </summary>
    [Range(1, 256)]
    public int OutboxConcurrency { get; set; } = 4;

    /// <summary>Wait before retrying outbox delivery after a failure. Default 2 seconds.</summary>
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long before an event starts its booking holders get a reminder email (once per booking;
    /// bookings confirmed later than that get none, their confirmation is as recent). Default 24 hours.
    /// </summary>
    public TimeSpan BookingReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Period of the durable reminder that wakes an event grain when its booking reminders are due;
    /// if a silo is down at that moment, the next tick sends them. Default 10 minutes (at least
    /// Orleans' ReminderOptions.MinimumReminderPeriod).
    /// </summary>
    public TimeSpan BookingReminderRetryPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
