namespace Grains.Waitlist;

/// <summary>
/// An event's waiting list, kept by the event grain in its durable state. Pure: the grain passes
/// the free seat count and the time, places the holds, and tells the list what became of them.
/// <list type="bullet">
/// <item>One active (waiting or offered) entry per user; joining is refused while enough seats are free.</item>
/// <item>Freed seats go to the first waiting entry whose quantity fits, then the next, in join order:
/// an entry asking for more seats than are free does not block smaller ones behind it, and keeps
/// its place for the next release (the rule of issue 15). A large party can therefore wait while
/// smaller ones behind it are served; it is never passed over when its seats are there.</item>
/// <item>An entry has at most one offer at a time, and the seats offered never exceed the seats freed.</item>
/// </list>
/// </summary>
[GenerateSerializer, Alias("WaitingList")]
public sealed class WaitingList
{
    [Id(0)]
    private readonly List<WaitlistEntry> _entries = [];

    [NonSerialized]
    private WaitlistIndex? _index;

    public WaitingList()
    {
    }

    /// <summary>Rebuilds a list from what <see cref="Entries"/> gave (the event grain's snapshot).</summary>
    public WaitingList(IEnumerable<WaitlistEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Number != _entries.Count + 1)
            {
                throw new InvalidOperationException($"Waiting list entry {entry.Number} of {entry.UserId} found at place {_entries.Count + 1}.");
            }

            _entries.Add(entry);
        }
    }

    /// <summary>Every entry in join order, ended ones included (their users can still read their status).</summary>
    public IReadOnlyList<WaitlistEntry> Entries => _entries;

    private WaitlistIndex Index => _index ??= WaitlistIndex.Build(_entries);

    /// <param name="freeSeats">Seats that can be held right now.</param>
    /// <param name="seatLimit">Most seats one user may hold of this event at a time.</param>
    public WaitlistJoin Join(string userId, int quantity, int freeSeats, int seatLimit, DateTimeOffset now)
    {
        if (CheckJoin(userId, quantity, freeSeats, seatLimit) is { } refused) return refused;
        var entry = Add(userId, quantity, now);
        // The newest entry is the last waiting one.
        return new WaitlistJoin.Joined(entry, Index.ByStatus[(int)WaitlistStatus.Waiting]);
    }

    /// <summary>Why the user cannot join now; null when they can (the event grain journals the join, then <see cref="Add"/>s it).</summary>
    public WaitlistJoin? CheckJoin(string userId, int quantity, int freeSeats, int seatLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Find(userId) is { IsActive: true } listed) return new WaitlistJoin.AlreadyListed(listed);
        if (quantity > seatLimit) return new WaitlistJoin.OverLimit(seatLimit);
        return freeSeats >= quantity ? new WaitlistJoin.SeatsAvailable(freeSeats) : null;
    }

    /// <summary>Appends a waiting entry whose join was decided (<see cref="CheckJoin"/>).</summary>
    public WaitlistEntry Add(string userId, int quantity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Find(userId) is { IsActive: true } listed)
        {
            throw new InvalidOperationException($"User {userId} is already on the waiting list as entry {listed.Number} ({listed.Status}).");
        }

        var entry = new WaitlistEntry
        {
            Number = _entries.Count + 1,
            UserId = userId,
            Quantity = quantity,
            JoinedAt = now,
            Status = WaitlistStatus.Waiting,
        };
        _entries.Add(entry);
        Index.Add(entry);
        return entry;
    }

    /// <summary>True while some entry waits for seats.</summary>
    public bool HasWaiting => Index.ByStatus[(int)WaitlistStatus.Waiting] > 0;

    /// <summary>True while some hold is on offer (so ending or confirming a hold must check it).</summary>
    public bool HasOffers => Index.OfferByHold.Count > 0;

    /// <summary>
    /// The event stops selling (cancelled or deleted): every waiting entry ends as expired. Offered
    /// entries lapse through their holds, which the event releases.
    /// </summary>
    public int ExpireWaiting(DateTimeOffset now)
    {
        var waiting = _entries.Where(e => e.Status == WaitlistStatus.Waiting).ToList();
        foreach (var entry in waiting) Replace(entry, entry with { Status = WaitlistStatus.Expired, EndedAt = now });
        return waiting.Count;
    }

    /// <summary>The user leaves; an offered entry's hold must then be released by the caller. Null when not listed.</summary>
    public WaitlistEntry? Leave(string userId, DateTimeOffset now) =>
        Find(userId) is { IsActive: true } entry ? Replace(entry, entry with { Status = WaitlistStatus.Left, EndedAt = now }) : null;

    /// <summary>
    /// Which waiting entries get <paramref name="freeSeats"/>: the first whose quantity fits, then the
    /// first that fits what is left, and so on. Changes nothing; each planned offer becomes one by
    /// <see cref="MarkOffered"/> once its hold is placed.
    /// </summary>
    /// <param name="eligible">
    /// Entries the grain cannot serve now (say, a user whose own holds would take them over the seat
    /// limit) are passed over for this release only and keep their place.
    /// </param>
    public IReadOnlyList<WaitlistOfferPlan> OfferFreedSeats(int freeSeats, DateTimeOffset now, TimeSpan offerDuration, Func<WaitlistEntry, bool>? eligible = null)
    {
        var plans = new List<WaitlistOfferPlan>();
        var remaining = freeSeats;
        // One cursor per quantity that fits at all; each step takes the earliest entry among the
        // cursors whose quantity still fits what is left.
        var cursors = new List<(int Quantity, IEnumerator<int> Numbers)>();
        foreach (var (quantity, numbers) in Index.WaitingByQuantity)
        {
            if (quantity > remaining) break;
            IEnumerator<int> cursor = numbers.GetEnumerator();
            if (cursor.MoveNext()) cursors.Add((quantity, cursor));
        }

        while (true)
        {
            var best = -1;
            for (var i = 0; i < cursors.Count; i++)
            {
                if (cursors[i].Quantity <= remaining && (best < 0 || cursors[i].Numbers.Current < cursors[best].Numbers.Current)) best = i;
            }

            if (best < 0) break;
            var entry = _entries[cursors[best].Numbers.Current - 1];
            if (eligible is null || eligible(entry))
            {
                plans.Add(new WaitlistOfferPlan(entry, now + offerDuration));
                remaining -= entry.Quantity;
            }

            if (!cursors[best].Numbers.MoveNext()) cursors.RemoveAt(best);
        }

        return plans;
    }

    /// <summary>Records the hold placed for a planned offer.</summary>
    public WaitlistEntry MarkOffered(int number, string holdId, DateTimeOffset expiresAt)
    {
        var entry = Entry(number);
        if (entry.Status != WaitlistStatus.Waiting)
        {
            throw new InvalidOperationException($"Waiting list entry {number} of {entry.UserId} is {entry.Status}; only a waiting entry can be offered hold {holdId}.");
        }

        if (Index.OfferByHold.TryGetValue(holdId, out var other))
        {
            throw new InvalidOperationException($"Hold {holdId} is already the offer of waiting list entry {other}; it cannot be offered to entry {number} too.");
        }

        return Replace(entry, entry with { Status = WaitlistStatus.Offered, Offer = new WaitlistOffer { HoldId = holdId, ExpiresAt = expiresAt } });
    }

    /// <summary>The offered hold was confirmed. Null when <paramref name="holdId"/> is no waiting list offer.</summary>
    public WaitlistEntry? Accept(string holdId, DateTimeOffset now) =>
        OfferOf(holdId) is { } entry ? Replace(entry, entry with { Status = WaitlistStatus.Accepted, EndedAt = now }) : null;

    /// <summary>
    /// The offered hold expired or was released: the entry is expired and the caller offers the
    /// freed seats again (<see cref="OfferFreedSeats"/>), which passes them to the next entry.
    /// Null when <paramref name="holdId"/> is no waiting list offer.
    /// </summary>
    public WaitlistEntry? Lapse(string holdId, DateTimeOffset now) =>
        OfferOf(holdId) is { } entry ? Replace(entry, entry with { Status = WaitlistStatus.Expired, EndedAt = now }) : null;

    /// <summary>The user's current entry, else their latest one; null when they never joined.</summary>
    public WaitlistEntry? Find(string userId) => Index.LatestByUser.TryGetValue(userId, out var number) ? _entries[number - 1] : null;

    /// <summary>The entry whose offer is <paramref name="holdId"/>, while it is offered.</summary>
    public WaitlistEntry? OfferOf(string holdId) => Index.OfferByHold.TryGetValue(holdId, out var number) ? _entries[number - 1] : null;

    /// <summary>1-based place among the waiting entries; null when the user is not waiting.</summary>
    public int? PositionOf(string userId)
    {
        if (Find(userId) is not { Status: WaitlistStatus.Waiting } entry) return null;
        var ahead = 0;
        if (entry.Number == 1) return 1;
        foreach (var numbers in Index.WaitingByQuantity.Values) ahead += numbers.GetViewBetween(1, entry.Number - 1).Count;
        return ahead + 1;
    }

    public WaitlistCounts Counts()
    {
        var byStatus = Index.ByStatus;
        return new WaitlistCounts
        {
            Waiting = byStatus[(int)WaitlistStatus.Waiting],
            Offered = byStatus[(int)WaitlistStatus.Offered],
            Accepted = byStatus[(int)WaitlistStatus.Accepted],
            Expired = byStatus[(int)WaitlistStatus.Expired],
            Left = byStatus[(int)WaitlistStatus.Left],
            SeatsWaitedFor = Index.SeatsWaitedFor,
        };
    }

    private WaitlistEntry Entry(int number) =>
        number >= 1 && number <= _entries.Count
            ? _entries[number - 1]
            : throw new InvalidOperationException($"Waiting list has no entry {number}; it has {_entries.Count}.");

    private WaitlistEntry Replace(WaitlistEntry before, WaitlistEntry after)
    {
        Index.Remove(before);
        _entries[before.Number - 1] = after;
        Index.Add(after);
        return after;
    }
}
