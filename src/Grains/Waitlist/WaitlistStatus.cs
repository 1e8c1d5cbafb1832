namespace Grains.Waitlist;

public enum WaitlistStatus
{
    /// <summary>In the queue.</summary>
    Waiting,

    /// <summary>Seats are held in the entry's name until the offer expires.</summary>
    Offered,

    /// <summary>The offered hold was confirmed: a booking.</summary>
    Accepted,

    /// <summary>The offer lapsed (or its hold was released); the seats went on to the next entry.</summary>
    Expired,

    /// <summary>The user left the list.</summary>
    Left,
}
