using Grains.Abstractions;

namespace Grains.Users;

/// <summary>
/// The durable state of a user grain. Counters are not stored: they are derived from the booking
/// index and the hosting records, whose keys (booking id, event id + outbox number) make every
/// engagement message idempotent.
/// </summary>
public sealed class UserState
{
    public UserProfile? Profile { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The booking index, by booking id.</summary>
    public Dictionary<string, UserBooking> Bookings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Owner/host role per event id, as of the newest host message applied.</summary>
    public Dictionary<string, HostingRecord> Hosting { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Side effects decided with a state change and not yet done (emails, address releases).</summary>
    public List<UserOutboxEntry> Outbox { get; set; } = [];

    /// <summary>Bumped by every change the filter index shows.</summary>
    public long Revision { get; set; }

    /// <summary>The revision the filter index held at the last write of this state (it may be newer).</summary>
    public long IndexedRevision { get; set; }
}
