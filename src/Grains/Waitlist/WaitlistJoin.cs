namespace Grains.Waitlist;

/// <summary>The answer to joining a waiting list.</summary>
public abstract record WaitlistJoin
{
    private WaitlistJoin()
    {
    }

    /// <param name="Position">1-based place among the waiting entries.</param>
    public sealed record Joined(WaitlistEntry Entry, int Position) : WaitlistJoin;

    /// <summary>The user already has a waiting or offered entry: one entry per user.</summary>
    public sealed record AlreadyListed(WaitlistEntry Entry) : WaitlistJoin;

    /// <summary>Enough seats are free to hold them now; nobody waits for seats that can be had.</summary>
    public sealed record SeatsAvailable(int FreeSeats) : WaitlistJoin;

    /// <summary>More seats than one user may hold at a time.</summary>
    public sealed record OverLimit(int SeatLimit) : WaitlistJoin;
}
