using Grains.Abstractions;
using static Grains.Tests.Events.EventFixtures;

namespace Grains.Tests.Waitlist;

/// <summary>The waiting list as the event grain keeps it: offers made in the decision that frees seats.</summary>
public sealed class WaitlistGrainTests(WaitlistSilo fixture) : IClassFixture<WaitlistSilo>
{
    [Fact]
    public async Task JoiningIsRefusedWhileEnoughSeatsAreFree()
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity: 4);
        await HoldAsync(grain, "ann", 2);

        var refused = await grain.JoinWaitlist(Join("bob", 2));
        var joined = await grain.JoinWaitlist(Join("bob", 3));

        Assert.Equal((FailureKind.Conflict, "Seats are available"), (refused.Failure!.Kind, refused.Failure.Title));
        Assert.True(joined.Created);
        Assert.Equal((1, 3, WaitlistStatuses.Waiting), (joined.Value!.Position, joined.Value.Quantity, joined.Value.Status));
    }

    [Fact]
    public async Task JoiningTwiceForAsManySeatsKeepsThePlaceAndForOtherSeatsIsRefused()
    {
        var (grain, _) = await SoldOutAsync(capacity: 2);
        await grain.JoinWaitlist(Join("bob", 1));
        Assert.True((await grain.JoinWaitlist(Join("cat", 2))).Created);

        var again = await grain.JoinWaitlist(Join("cat", 2));
        var other = await grain.JoinWaitlist(Join("cat", 1));
        var overLimit = await grain.JoinWaitlist(Join("dan", 11));

        Assert.False(again.Created);
        Assert.Equal(2, again.Value!.Position);
        Assert.Equal("Already on the waiting list", other.Failure!.Title);
        Assert.Equal("Hold limit reached", overLimit.Failure!.Title);
    }

    [Fact]
    public async Task ReleasedSeatsGoToTheFirstEntriesThatFitAndNobodyElseCanHoldThem()
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity: 4);
        var ann = await HoldAsync(grain, "ann", 4);
        await grain.JoinWaitlist(Join("bob", 3));
        await grain.JoinWaitlist(Join("cat", 2));
        await grain.JoinWaitlist(Join("dan", 1));

        await ReleaseAsync(grain, ann);

        // Four seats came back: bob (3) is first and fits; cat (2) does not fit the one left; dan (1) does.
        var bob = await EntryAsync(grain, "bob");
        var cat = await EntryAsync(grain, "cat");
        var dan = await EntryAsync(grain, "dan");
        Assert.Equal((WaitlistStatuses.Offered, WaitlistStatuses.Waiting, WaitlistStatuses.Offered), (bob.Status, cat.Status, dan.Status));
        Assert.Equal(1, cat.Position);
        var bobsHold = (await grain.GetHold(new HoldCommand { Caller = Buyer("bob"), HoldId = bob.Offer!.HoldId })).Value!;
        Assert.Equal((3, "active"), (bobsHold.Quantity, bobsHold.Status));
        Assert.Equal(fixture.Time.GetUtcNow().AddSeconds(600), bob.Offer.ExpiresAt);
        Assert.Equal(0, (await grain.GetAvailability()).Value!.Available);
        var eve = await grain.PlaceHold(new PlaceHold { Caller = Buyer("eve"), Quantity = 1 });
        Assert.Equal("Not enough seats", eve.Failure!.Title);
    }

    [Fact]
    public async Task SeatsOfAnExpiredHoldReachTheFirstEntryWithoutAnyCall()
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity: 2, holdTtlSeconds: 60);
        await HoldAsync(grain, "ann", 2);
        await grain.JoinWaitlist(Join("bob", 2));
        var summary = await grain.GetWaitlist(new EventCommand { Caller = Organizer });

        fixture.Time.Advance(TimeSpan.FromSeconds(61));

        // The grain's own sweep expires the hold and offers its seats; the organizer's summary shows it.
        await fixture.WaitUntilAsync(async () => (await grain.GetWaitlist(new EventCommand { Caller = Organizer })).Value!.ByStatus[WaitlistStatuses.Offered] == 1, "bob is offered the expired seats");
        Assert.Equal(1, summary.Value!.QueueLength);
        Assert.Equal(WaitlistStatuses.Offered, (await EntryAsync(grain, "bob")).Status);
    }

    [Fact]
    public async Task SeatsOfACancelledBookingReachTheFirstEntry()
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity: 2);
        var booking = await BookAsync(grain, "ann", 2);
        await grain.JoinWaitlist(Join("bob", 2));

        Assert.True((await grain.CancelBooking(new BookingCommand { Caller = Buyer("ann"), BookingId = booking })).Succeeded);

        Assert.Equal(WaitlistStatuses.Offered, (await EntryAsync(grain, "bob")).Status);
    }

    [Fact]
    public async Task ALapsedOfferPassesItsSeatsToTheNextEntry()
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity: 2, offerSeconds: 120);
        var ann = await HoldAsync(grain, "ann", 2);
        await grain.JoinWaitlist(Join("bob", 2));
        await grain.JoinWaitlist(Join("cat", 2));
        await ReleaseAsync(grain, ann);
        var offer = (await EntryAsync(grain, "bob")).Offer!;

        fixture.Time.Advance(TimeSpan.FromSeconds(121));

        await fixture.WaitUntilAsync(async () => (await EntryAsync(grain, "cat")).Status == WaitlistStatuses.Offered, "cat is offered the lapsed seats");
        var bob = await EntryAsync(grain, "bob");
        Assert.Equal((WaitlistStatuses.Expired, offer.HoldId), (bob.Status, bob.Offer!.HoldId));
        var confirm = await grain.Confirm(new ConfirmHold { Caller = Buyer("bob"), HoldId = offer.HoldId });
        Assert.Equal(FailureKind.Gone, confirm.Failure!.Kind);
    }

    [Fact]
    public async Task ConfirmingTheOfferedHoldAcceptsTheEntry()
    {
        var (grain, ann) = await SoldOutAsync(capacity: 2);
        await grain.JoinWaitlist(Join("bob", 2));
        await ReleaseAsync(grain, ann);
        var offer = (await EntryAsync(grain, "bob")).Offer!;

        var booking = await grain.Confirm(new ConfirmHold { Caller = Buyer("bob"), HoldId = offer.HoldId });

        Assert.True(booking.Created);
        Assert.Equal(2, booking.Value!.Quantity);
        var bob = await EntryAsync(grain, "bob");
        Assert.Equal((WaitlistStatuses.Accepted, (int?)null), (bob.Status, bob.Position));
        var summary = (await grain.GetWaitlist(new EventCommand { Caller = Organizer })).Value!;
        Assert.Equal((0, 1), (summary.QueueLength, summary.ByStatus[WaitlistStatuses.Accepted]));
    }

    [Fact]
    public async Task LeavingWithAnOfferPassesTheSeatsOn()
    {
        var (grain, ann) = await SoldOutAsync(capacity: 1);
        await grain.JoinWaitlist(Join("bob", 1));
        await grain.JoinWaitlist(Join("cat", 1));
        await ReleaseAsync(grain, ann);

        Assert.True((await grain.LeaveWaitlist(new EventCommand { Caller = Buyer("bob") })).Succeeded);
        var again = await grain.LeaveWaitlist(new EventCommand { Caller = Buyer("bob") });

        Assert.Equal(WaitlistStatuses.Left, again.Value!.Status);
        Assert.Equal(WaitlistStatuses.Offered, (await EntryAsync(grain, "cat")).Status);
        Assert.Equal(1, (await grain.GetAvailability()).Value!.Held);
    }

    [Fact]
    public async Task ABuyerTheSeatLimitKeepsFromAnOfferIsPassedOverAndKeepsTheirPlace()
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity: 7, maxSeatsPerHold: 4);
        var bobsOwn = await HoldAsync(grain, "bob", 3);
        var ann = await HoldAsync(grain, "ann", 4);
        await grain.JoinWaitlist(Join("bob", 2));
        await grain.JoinWaitlist(Join("cat", 2));

        await ReleaseAsync(grain, ann);

        // 3 held + 2 offered would be over bob's limit of 4: cat is served, bob stays first in line.
        Assert.Equal(WaitlistStatuses.Offered, (await EntryAsync(grain, "cat")).Status);
        Assert.Equal((WaitlistStatuses.Waiting, (int?)1), ((await EntryAsync(grain, "bob")).Status, (await EntryAsync(grain, "bob")).Position));

        await ReleaseAsync(grain, bobsOwn);

        Assert.Equal(WaitlistStatuses.Offered, (await EntryAsync(grain, "bob")).Status);
    }

    [Fact]
    public async Task AnOfferOfAssignedSeatsHoldsSeatsTogether()
    {
        var eventId = await CreateReservedEventAsync(fixture.Grains, 1, 2, 4);
        var grain = fixture.Grains.GetGrain<IEventGrain>(eventId);
        var ann = await HoldAsync(grain, "ann", 4);
        await HoldAsync(grain, "dan", 4);
        await grain.JoinWaitlist(Join("bob", 3));

        await ReleaseAsync(grain, ann);

        var offer = (await EntryAsync(grain, "bob")).Offer!;
        var hold = (await grain.GetHold(new HoldCommand { Caller = Buyer("bob"), HoldId = offer.HoldId })).Value!;
        Assert.Equal(3, hold.Seats.Count);
        Assert.Single(hold.Seats.Select(s => s[..s.LastIndexOf(':')]).Distinct());
    }

    [Fact]
    public async Task CancellingTheEventEndsEveryEntry()
    {
        var (grain, ann) = await SoldOutAsync(capacity: 1);
        await grain.JoinWaitlist(Join("bob", 1));
        await grain.JoinWaitlist(Join("cat", 1));
        await ReleaseAsync(grain, ann);

        await grain.Cancel(new EventCommand { Caller = Organizer });

        Assert.Equal(WaitlistStatuses.Expired, (await EntryAsync(grain, "bob")).Status);
        Assert.Equal(WaitlistStatuses.Expired, (await EntryAsync(grain, "cat")).Status);
        Assert.Equal("Event cancelled", (await grain.JoinWaitlist(Join("dan", 1))).Failure!.Title);
    }

    [Fact]
    public async Task RaisingTheCapacityOffersTheNewSeatsToTheWaitingList()
    {
        var (grain, _) = await SoldOutAsync(capacity: 2);
        await grain.JoinWaitlist(Join("bob", 2));
        var definition = (await grain.Get())!;
        var update = new UpdateEvent { Caller = Organizer, Definition = Definition() with { Slug = definition.Slug }, Capacity = 4 };

        var raised = await grain.Update(update);
        var lowered = await grain.Update(update with { Capacity = 3 });

        Assert.Equal(4, raised.Value!.Capacity);
        Assert.Equal(WaitlistStatuses.Offered, (await EntryAsync(grain, "bob")).Status);
        Assert.Equal("Capacity below seats taken", lowered.Failure!.Title);
        var seated = fixture.Grains.GetGrain<IEventGrain>(await CreateReservedEventAsync(fixture.Grains, 1, 1, 4));
        var seatedDefinition = (await seated.Get())!;
        Assert.Equal(FailureKind.Invalid, (await seated.Update(new UpdateEvent { Caller = Organizer, Definition = Definition() with { Slug = seatedDefinition.Slug }, Capacity = 8 })).Failure!.Kind);
    }

    [Fact]
    public async Task OnlyTheOrganizerReadsTheSummaryAndStrangersAreNotListed()
    {
        var (grain, _) = await SoldOutAsync(capacity: 1);
        await grain.JoinWaitlist(Join("bob", 1));

        Assert.Equal(FailureKind.Forbidden, (await grain.GetWaitlist(new EventCommand { Caller = Buyer("bob") })).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await grain.GetWaitlistEntry(new EventCommand { Caller = Buyer("eve") })).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await grain.LeaveWaitlist(new EventCommand { Caller = Buyer("eve") })).Failure!.Kind);
        var summary = (await grain.GetWaitlist(new EventCommand { Caller = Organizer })).Value!;
        Assert.Equal((1, 1), (summary.QueueLength, summary.SeatsWaitedFor));
    }

    /// <summary>An event whose every seat is held by "ann".</summary>
    private async Task<(IEventGrain Grain, HoldView AnnsHold)> SoldOutAsync(int capacity)
    {
        var grain = await fixture.GeneralAdmissionAsync(capacity);
        return (grain, await HoldAsync(grain, "ann", capacity));
    }

    private static async Task ReleaseAsync(IEventGrain grain, HoldView hold)
    {
        var released = await grain.ReleaseHold(new HoldCommand { Caller = Buyer(hold.UserId), HoldId = hold.HoldId });
        Assert.True(released.Succeeded, released.Failure?.Detail);
    }

    internal static JoinWaitlist Join(string userId, int quantity) => new() { Caller = Buyer(userId), Quantity = quantity };

    internal static async Task<WaitlistEntryView> EntryAsync(IEventGrain grain, string userId)
    {
        var entry = await grain.GetWaitlistEntry(new EventCommand { Caller = Buyer(userId) });
        Assert.True(entry.Succeeded, entry.Failure?.Detail);
        return entry.Value!;
    }

    internal static async Task<HoldView> HoldAsync(IEventGrain grain, string userId, int quantity)
    {
        var hold = await grain.PlaceHold(new PlaceHold { Caller = Buyer(userId), Quantity = quantity });
        Assert.True(hold.Succeeded, hold.Failure?.Detail);
        return hold.Value!;
    }

    private static async Task<string> BookAsync(IEventGrain grain, string userId, int quantity)
    {
        var hold = await HoldAsync(grain, userId, quantity);
        var booking = await grain.Confirm(new ConfirmHold { Caller = Buyer(userId), HoldId = hold.HoldId });
        Assert.True(booking.Succeeded, booking.Failure?.Detail);
        return booking.Value!.BookingId;
    }
}
