namespace Api.Tests.Authorization;

/// <summary>The callers of the authorization matrix, in the order of its status columns.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>The buyer who owns the hold, booking or profile a request names.</summary>
    Buyer,

    /// <summary>A buyer who owns none of it.</summary>
    OtherBuyer,

    Staff,

    /// <summary>An organizer who does not own the event.</summary>
    OtherOrganizer,

    /// <summary>The organizer who owns the event.</summary>
    Owner,

    Admin,
}
