namespace Grains.Waitlist;

/// <summary>
/// Lookups over a waiting list's entries, derived from them and never stored: who is listed, which
/// hold is whose offer, and the waiting entries grouped by quantity in join order, so finding the
/// first entry that fits costs the number of distinct quantities, not the length of the queue.
/// </summary>
internal sealed class WaitlistIndex
{
    public Dictionary<string, int> LatestByUser { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> OfferByHold { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<int, SortedSet<int>> WaitingByQuantity { get; } = [];

    public int[] ByStatus { get; } = new int[Enum.GetValues<WaitlistStatus>().Length];

    public int SeatsWaitedFor { get; private set; }

    public static WaitlistIndex Build(IReadOnlyList<WaitlistEntry> entries)
    {
        var index = new WaitlistIndex();
        foreach (var entry in entries) index.Add(entry);
        return index;
    }

    public void Add(WaitlistEntry entry)
    {
        LatestByUser[entry.UserId] = entry.Number;
        ByStatus[(int)entry.Status]++;
        if (entry.Status == WaitlistStatus.Offered) OfferByHold.Add(entry.Offer!.HoldId, entry.Number);
        if (entry.Status != WaitlistStatus.Waiting) return;
        SeatsWaitedFor += entry.Quantity;
        if (!WaitingByQuantity.TryGetValue(entry.Quantity, out var numbers)) WaitingByQuantity[entry.Quantity] = numbers = [];
        numbers.Add(entry.Number);
    }

    public void Remove(WaitlistEntry entry)
    {
        ByStatus[(int)entry.Status]--;
        if (entry.Status == WaitlistStatus.Offered) OfferByHold.Remove(entry.Offer!.HoldId);
        if (entry.Status != WaitlistStatus.Waiting) return;
        SeatsWaitedFor -= entry.Quantity;
        var numbers = WaitingByQuantity[entry.Quantity];
        numbers.Remove(entry.Number);
        if (numbers.Count == 0) WaitingByQuantity.Remove(entry.Quantity);
    }
}
