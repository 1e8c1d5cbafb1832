using Grains.Abstractions;

namespace Grains.Users;

/// <summary>
/// The durable state of a user grain. Counters are not stored: they are derived from the booking
/// index, the hosting and attendance records, whose keys (booking id, event id + outbox number) make every
/// engagement message idempotent.
/// </summary>
[GenerateSerializer, Alias("UserState")]
public sealed class UserState
{
    [Id(0)]
    public UserProfile? Profile { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The booking index, by booking id.</summary>
    [Id(3)]
    public Dictionary<string, UserBooking> Bookings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Owner/host role per event id, as of the newest host message applied.</summary>
    [Id(4)]
    public Dictionary<string, HostingRecord> Hosting { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Side effects decided with a state change and not yet done (emails, address releases).</summary>
    [Id(5)]
    public List<UserOutboxEntry> Outbox { get; set; } = [];

    /// <summary>Bumped by every change the filter index shows.</summary>
    [Id(6)]
    public long Revision { get; set; }

    /// <summary>The revision the filter index held at the last write of this state (it may be newer).</summary>
    [Id(7)]
    public long IndexedRevision { get; set; }

    /// <summary>CRM attendance (without a seat) per event id, as of the newest attendee message applied.</summary>
    [Id(8)]
    public Dictionary<string, AttendanceRecord> Attendance { get; set; } = new(StringComparer.Ordinal);
}
