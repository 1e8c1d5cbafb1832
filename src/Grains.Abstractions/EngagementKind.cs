namespace Grains.Abstractions;

public enum EngagementKind
{
    BookingConfirmed,
    BookingCancelled,
    HostAdded,
    HostRemoved,
    AttendeeAdded,
    AttendeeRemoved,
}
