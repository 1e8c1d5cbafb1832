using Grains.Tests.Tickets;
using Grains.Waitlist;

namespace Grains.Tests.Waitlist;

public sealed class WaitingListTests
{
    private const int Limit = 10;
    private static readonly DateTimeOffset s_now = new(2027, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_offer = TimeSpan.FromSeconds(600);

    [Fact]
    public void JoiningWhenSoldOutGivesAPlaceInTheQueue()
    {
        var list = new WaitingList();

        var ada = Assert.IsType<WaitlistJoin.Joined>(list.Join("ada", 2, freeSeats: 0, Limit, s_now));
        var bruno = Assert.IsType<WaitlistJoin.Joined>(list.Join("bruno", 1, freeSeats: 0, Limit, s_now));

        Assert.Equal((1, 2), (ada.Position, bruno.Position));
        Assert.Equal(WaitlistStatus.Waiting, bruno.Entry.Status);
        Assert.Equal(2, list.PositionOf("bruno"));
    }

    [Fact]
    public void JoiningWhileEnoughSeatsAreFreeIsRefused()
    {
        var list = new WaitingList();

        var refused = Assert.IsType<WaitlistJoin.SeatsAvailable>(list.Join("ada", 2, freeSeats: 2, Limit, s_now));

        Assert.Equal(2, refused.FreeSeats);
        Assert.Empty(list.Entries);
        Assert.IsType<WaitlistJoin.Joined>(list.Join("ada", 3, freeSeats: 2, Limit, s_now));
    }

    [Fact]
    public void OneEntryPerUser()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);

        var again = Assert.IsType<WaitlistJoin.AlreadyListed>(list.Join("ada", 1, 0, Limit, s_now));

        Assert.Equal(2, again.Entry.Quantity);
        Assert.Single(list.Entries);
    }

    [Fact]
    public void PerUserSeatLimitApplies()
    {
        var refused = Assert.IsType<WaitlistJoin.OverLimit>(new WaitingList().Join("ada", 11, 0, Limit, s_now));

        Assert.Equal(Limit, refused.SeatLimit);
    }

    [Fact]
    public void LeavingEndsTheEntryAndMovesOthersUp()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        list.Join("bruno", 2, 0, Limit, s_now);

        var left = list.Leave("ada", s_now.AddMinutes(1));

        Assert.Equal(WaitlistStatus.Left, left!.Status);
        Assert.Equal(WaitlistStatus.Left, list.Find("ada")!.Status);
        Assert.Null(list.PositionOf("ada"));
        Assert.Equal(1, list.PositionOf("bruno"));
        Assert.Null(list.Leave("ada", s_now));
        Assert.IsType<WaitlistJoin.Joined>(list.Join("ada", 1, 0, Limit, s_now));
    }

    [Fact]
    public void FreedSeatsGoToTheFirstEntryThatFits()
    {
        var list = new WaitingList();
        list.Join("ada", 4, 0, Limit, s_now);
        list.Join("bruno", 2, 0, Limit, s_now);
        list.Join("chen", 1, 0, Limit, s_now);
        list.Join("dana", 2, 0, Limit, s_now);

        var plans = list.OfferFreedSeats(3, s_now, s_offer);

        // Ada's 4 do not fit in 3 and she keeps her place; Bruno's 2 fit, then Chen's 1.
        Assert.Equal(["bruno", "chen"], plans.Select(p => p.Entry.UserId));
        Assert.All(plans, p => Assert.Equal(s_now + s_offer, p.ExpiresAt));
        Assert.Equal(1, list.PositionOf("ada"));
    }

    [Fact]
    public void EntryTheGrainCannotServeKeepsItsPlaceAndTheNextIsServed()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        list.Join("bruno", 2, 0, Limit, s_now);

        var plans = list.OfferFreedSeats(2, s_now, s_offer, eligible: e => e.UserId != "ada");

        Assert.Equal(["bruno"], plans.Select(p => p.Entry.UserId));
        Assert.Equal(1, list.PositionOf("ada"));
        Assert.Equal(["ada"], list.OfferFreedSeats(2, s_now, s_offer).Select(p => p.Entry.UserId));
    }

    [Fact]
    public void OfferedEntryHoldsItsSeatsUntilItAccepts()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        var plan = Assert.Single(list.OfferFreedSeats(2, s_now, s_offer));

        var offered = list.MarkOffered(plan.Entry.Number, "h-7", plan.ExpiresAt);

        Assert.Equal(new WaitlistOffer { HoldId = "h-7", ExpiresAt = s_now + s_offer }, offered.Offer);
        Assert.Empty(list.OfferFreedSeats(2, s_now, s_offer));
        var accepted = list.Accept("h-7", s_now.AddMinutes(3));
        Assert.Equal(WaitlistStatus.Accepted, accepted!.Status);
        Assert.Null(list.Accept("h-8", s_now));
    }

    [Fact]
    public void LapsedOfferPassesSeatsToNextEntry()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        list.Join("bruno", 2, 0, Limit, s_now);
        var first = Assert.Single(list.OfferFreedSeats(2, s_now, s_offer));
        list.MarkOffered(first.Entry.Number, "h-1", first.ExpiresAt);

        var lapsed = list.Lapse("h-1", first.ExpiresAt);
        var next = Assert.Single(list.OfferFreedSeats(2, first.ExpiresAt, s_offer));

        Assert.Equal(WaitlistStatus.Expired, lapsed!.Status);
        Assert.Equal("bruno", next.Entry.UserId);
        Assert.Null(list.Lapse("h-1", first.ExpiresAt));
    }

    [Fact]
    public void LeavingWithAnOfferHandsBackItsHold()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        list.MarkOffered(1, "h-3", s_now + s_offer);

        var left = list.Leave("ada", s_now);

        Assert.Equal("h-3", left!.Offer!.HoldId);
        Assert.Null(list.OfferOf("h-3"));
    }

    [Fact]
    public void EntryCannotBeOfferedTwiceAtOnce()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        list.Join("bruno", 2, 0, Limit, s_now);
        list.MarkOffered(1, "h-1", s_now + s_offer);

        var twice = Assert.Throws<InvalidOperationException>(() => list.MarkOffered(1, "h-2", s_now + s_offer));
        var sameHold = Assert.Throws<InvalidOperationException>(() => list.MarkOffered(2, "h-1", s_now + s_offer));

        Assert.Contains("entry 1", twice.Message);
        Assert.Contains("h-1", sameHold.Message);
    }

    [Fact]
    public void OrganizerSeesCountsByStatusAndQueueLength()
    {
        var list = new WaitingList();
        foreach (var user in new[] { "a", "b", "c", "d", "e" }) list.Join(user, 2, 0, Limit, s_now);
        list.MarkOffered(1, "h-1", s_now + s_offer);
        list.MarkOffered(2, "h-2", s_now + s_offer);
        list.Accept("h-1", s_now);
        list.Lapse("h-2", s_now);
        list.Leave("c", s_now);
        list.MarkOffered(4, "h-4", s_now + s_offer);

        var counts = list.Counts();

        Assert.Equal((1, 1, 1, 1, 1), (counts.Waiting, counts.Offered, counts.Accepted, counts.Expired, counts.Left));
        Assert.Equal((1, 2), (counts.QueueLength, counts.SeatsWaitedFor));
    }

    [Fact]
    public void WaitingListSurvivesOrleansSerializationAndItsSnapshot()
    {
        var list = new WaitingList();
        list.Join("ada", 2, 0, Limit, s_now);
        list.Join("bruno", 1, 0, Limit, s_now);
        list.Join("chen", 3, 0, Limit, s_now);
        list.MarkOffered(2, "h-9", s_now + s_offer);
        _ = list.Counts();

        var json = System.Text.Json.JsonSerializer.Serialize(list.Entries, System.Text.Json.JsonSerializerOptions.Web);
        var journaled = new WaitingList(System.Text.Json.JsonSerializer.Deserialize<List<WaitlistEntry>>(json, System.Text.Json.JsonSerializerOptions.Web)!);

        Assert.DoesNotContain("isActive", json);
        foreach (var copy in new[] { OrleansCopy.RoundTrip(list), new WaitingList(list.Entries), journaled })
        {
            Assert.Equal(list.Entries, copy.Entries);
            Assert.Equal(list.Counts(), copy.Counts());
            Assert.Equal("bruno", copy.OfferOf("h-9")!.UserId);
            Assert.Equal(2, copy.PositionOf("chen"));
            Assert.Equal(["ada"], copy.OfferFreedSeats(2, s_now, s_offer).Select(p => p.Entry.UserId));
        }
    }
}
