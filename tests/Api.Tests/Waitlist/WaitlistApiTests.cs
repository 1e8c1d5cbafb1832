using System.Net;
using Api.Tests.Tickets;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Waitlist;

public sealed class WaitlistApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly WaitlistDriver _waitlist = new(factory.CreateDriver());

    private ApiDriver Api => _waitlist.Api;

    [Fact]
    public async Task ReleasedSeatsAreOfferedEmailedAndConfirmedByTheFirstWaitingBuyer()
    {
        var organizer = await Api.OrganizerAsync();
        var holder = await Api.BuyerAsync();
        var (bob, bobsEmail) = await _waitlist.BuyerWithEmailAsync("Bob");
        var cat = await Api.BuyerAsync();
        var (show, held) = await _waitlist.SoldOutAsync(organizer, holder, capacity: 2);
        var joined = await _waitlist.JoinAsync(bob, show.Id, 2);
        await _waitlist.JoinAsync(cat, show.Id, 2);
        Assert.Equal((1, WaitlistStatuses.Waiting), (joined.Position, joined.Status));
        Assert.Equal(2, (await _waitlist.MineAsync(cat, show.Id)).Position);

        await _waitlist.ReleaseAsync(holder, show.Id, held.HoldId);

        // The release itself offered the seats: no waiting, no window for anyone else.
        var offered = await _waitlist.MineAsync(bob, show.Id);
        Assert.Equal(WaitlistStatuses.Offered, offered.Status);
        Assert.Equal(1, (await _waitlist.MineAsync(cat, show.Id)).Position);
        var stranger = await Api.PostAsync($"/events/{show.Id}/holds", await Api.BuyerAsync(), new { quantity = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stranger.StatusCode);
        await Eventually.WaitUntilAsync(async () => (await WaitlistDriver.EmailsToAsync(bobsEmail)).Any(e => ((string?)e["subject"])!.StartsWith("Seats are waiting for you", StringComparison.Ordinal)), "bob is emailed the offer");
        var email = (await WaitlistDriver.EmailsToAsync(bobsEmail)).Single(e => ((string?)e["subject"])!.StartsWith("Seats are waiting for you", StringComparison.Ordinal));
        Assert.Contains(offered.Offer!.HoldId, (string?)email["body"]!["text"], StringComparison.Ordinal);

        var booking = await Api.PostAsync($"/events/{show.Id}/holds/{offered.Offer.HoldId}/confirm", bob, new { });

        Assert.Equal(HttpStatusCode.Created, booking.StatusCode);
        Assert.Equal(WaitlistStatuses.Accepted, (await _waitlist.MineAsync(bob, show.Id)).Status);
        var summary = await ApiDriver.ReadAsync<WaitlistSummary>(await Api.GetAsync($"/events/{show.Id}/waitlist", organizer), HttpStatusCode.OK);
        Assert.Equal((1, 2), (summary.QueueLength, summary.SeatsWaitedFor));
        Assert.Equal(1, summary.ByStatus[WaitlistStatuses.Accepted]);
    }

    [Fact]
    public async Task SeatsOfACancelledBookingReachTheFirstEntryAtOnce()
    {
        var organizer = await Api.OrganizerAsync();
        var holder = await Api.BuyerAsync();
        var bob = await Api.BuyerAsync();
        var (show, held) = await _waitlist.SoldOutAsync(organizer, holder, capacity: 3);
        var booking = await ApiDriver.ReadAsync<BookingView>(await Api.PostAsync($"/events/{show.Id}/holds/{held.HoldId}/confirm", holder, new { }), HttpStatusCode.Created);
        await _waitlist.JoinAsync(bob, show.Id, 3);

        await TicketFlow.CancelAsync(Api, holder, show.Id, booking.BookingId);

        var entry = await _waitlist.MineAsync(bob, show.Id);
        Assert.Equal(WaitlistStatuses.Offered, entry.Status);
        var hold = await ApiDriver.ReadAsync<HoldView>(await Api.GetAsync($"/events/{show.Id}/holds/{entry.Offer!.HoldId}", bob), HttpStatusCode.OK);
        Assert.Equal((3, bob.Id), (hold.Quantity, hold.UserId));
    }

    [Fact]
    public async Task JoiningWhileSeatsAreFreeIsRefusedAndRepeatingAJoinKeepsThePlace()
    {
        var organizer = await Api.OrganizerAsync();
        var holder = await Api.BuyerAsync();
        var bob = await Api.BuyerAsync();
        var (show, _) = await _waitlist.SoldOutAsync(organizer, holder, capacity: 1);
        var open = await ApiDriver.ReadAsync<EventDetails>(await Api.PostAsync("/events", organizer, ApiDriver.EventBody(capacity: 5)), HttpStatusCode.Created);

        var refused = await ApiDriver.ProblemAsync(await Api.PostAsync($"/events/{open.Id}/waitlist", bob, new { quantity = 2 }), HttpStatusCode.Conflict);
        await _waitlist.JoinAsync(bob, show.Id, 1);
        var again = await Api.PostAsync($"/events/{show.Id}/waitlist", bob, new { quantity = 1 });
        var otherQuantity = await ApiDriver.ProblemAsync(await Api.PostAsync($"/events/{show.Id}/waitlist", bob, new { quantity = 2 }), HttpStatusCode.Conflict);

        Assert.Equal("Seats are available", refused.Title);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Already on the waiting list", otherQuantity.Title);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}/waitlist/me", bob)).StatusCode);
        Assert.Equal(WaitlistStatuses.Left, (await _waitlist.MineAsync(bob, show.Id)).Status);
    }

    [Theory]
    [InlineData("{}", "quantity")]
    [InlineData("{\"quantity\":0}", "quantity")]
    [InlineData("{\"quantity\":101}", "quantity")]
    public async Task ABadJoinIsA400NamingTheField(string body, string field)
    {
        var organizer = await Api.OrganizerAsync();
        var (show, _) = await _waitlist.SoldOutAsync(organizer, await Api.BuyerAsync(), capacity: 1);

        var problem = await ApiDriver.ProblemAsync(await Api.PostAsync($"/events/{show.Id}/waitlist", await Api.BuyerAsync(), body), HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task AnOfferTimeOutsideItsRangeIsA400NamingTheField()
    {
        var organizer = await Api.OrganizerAsync();
        var body = ApiDriver.EventBody(capacity: 5);
        body["waitlistOfferSeconds"] = 5;

        var problem = await ApiDriver.ProblemAsync(await Api.PostAsync("/events", organizer, body), HttpStatusCode.BadRequest);

        Assert.Contains("waitlistOfferSeconds", problem.Errors.Keys);
    }

    [Fact]
    public async Task TheWaitingListOfAnUnknownEventIsNotFound()
    {
        var buyer = await Api.BuyerAsync();

        await ApiDriver.ProblemAsync(await Api.PostAsync($"/events/{ApiDriver.NewId("none")}/waitlist", buyer, new { quantity = 1 }), HttpStatusCode.NotFound);
        await ApiDriver.ProblemAsync(await Api.GetAsync($"/events/{ApiDriver.NewId("none")}/waitlist/me", buyer), HttpStatusCode.NotFound);
    }
}
