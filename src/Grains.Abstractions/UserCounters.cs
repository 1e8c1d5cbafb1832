namespace Grains.Abstractions;

/// <summary>
/// A user's engagement counters, derived from the user grain's durable state (booking index,
/// hosted event set) and the email tracking table, so duplicates and retries cannot skew them.
/// </summary>
[GenerateSerializer, Immutable, Alias("UserCounters")]
public sealed record UserCounters
{
    /// <summary>Events where the user is currently owner or host (cancelled events excluded).</summary>
    [Id(0)]
    public required int HostedEventCount { get; init; }

    /// <summary>Distinct events where the user holds at least one confirmed (not cancelled) booking or is a CRM attendee.</summary>
    [Id(1)]
    public required int AttendedEventCount { get; init; }

    /// <summary>Bookings ever confirmed for the user, including those cancelled later.</summary>
    [Id(2)]
    public required int BookingCount { get; init; }

    /// <summary>Bookings of the user that were cancelled (by the user, the organizer or an event cancellation).</summary>
    [Id(3)]
    public required int CancellationCount { get; init; }

    /// <summary>Emails SES accepted for the user (opened ones included).</summary>
    [Id(4)]
    public required long EmailsSent { get; init; }

    [Id(5)]
    public required long EmailsOpened { get; init; }
}
