namespace Grains.Tickets;

/// <summary>Why a tickets link's access token was refused.</summary>
public enum TicketsLinkProblem
{
    /// <summary>Not a token of a known format: bad characters, truncated, trailing bytes, unknown version.</summary>
    Malformed,

    /// <summary>Well formed and for this event, but its signature does not match: forged or altered.</summary>
    BadSignature,

    /// <summary>A token of another event's booking.</summary>
    OtherEvent,

    /// <summary>A genuine token of this event, but for another of its bookings.</summary>
    OtherBooking,
}
