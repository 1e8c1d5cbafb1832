namespace Grains.Tickets;

/// <summary>Why a ticket code was refused.</summary>
public enum TicketCodeProblem
{
    /// <summary>Not a ticket code of a known format: bad characters, truncated, trailing bytes, unknown version.</summary>
    Malformed,

    /// <summary>Well formed and for this event, but its signature does not match: forged or altered.</summary>
    BadSignature,

    /// <summary>A code of another event.</summary>
    OtherEvent,
}
