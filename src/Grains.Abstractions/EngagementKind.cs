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

    /// <summary>Seats came back and are held for a waiting buyer: tell them before the offer lapses.</summary>
    WaitlistOffer,
}
