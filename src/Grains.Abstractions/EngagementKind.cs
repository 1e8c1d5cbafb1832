namespace Grains.Abstractions;

public enum EngagementKind
{
    BookingConfirmed,
    BookingCancelled,
    HostAdded,
    HostRemoved,
    AttendeeAdded,
    AttendeeRemoved,

    /// <summary>The event starts within a day: remind the holder of a confirmed booking.</summary>
    BookingReminder,
}
