namespace Grains.Waitlist;

/// <summary>Seats to hold for a waiting entry; the event grain places the hold, then calls <see cref="WaitingList.MarkOffered"/>.</summary>
public sealed record WaitlistOfferPlan(WaitlistEntry Entry, DateTimeOffset ExpiresAt)
{
    public int Quantity => Entry.Quantity;
}
