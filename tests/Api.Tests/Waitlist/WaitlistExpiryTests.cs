using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Waitlist;

/// <summary>Expired holds and lapsed offers on a clock the test moves; the grain's own sweep makes the offers.</summary>
public sealed class WaitlistExpiryTests(ManualClockApiFactory factory) : IClassFixture<ManualClockApiFactory>
{
    private static readonly TimeSpan s_comesBackWithin = TimeSpan.FromSeconds(2);

    private readonly WaitlistDriver _waitlist = new(factory.CreateDriver());

    private ApiDriver Api => _waitlist.Api;

    [Fact]
    public async Task SeatsOfAnExpiredHoldReachTheFirstEntryWithinTwoSeconds()
    {
        var organizer = await Api.OrganizerAsync();
        var (bob, bobsEmail) = await _waitlist.BuyerWithEmailAsync("Bob");
        var (show, held) = await _waitlist.SoldOutAsync(organizer, await Api.BuyerAsync(), capacity: 2, holdTtlSeconds: 60);
        await _waitlist.JoinAsync(bob, show.Id, 2);

        factory.Time.Advance(TimeSpan.FromSeconds(60));

        // Nobody calls the event: its sweep expires the hold and offers the seats; the email shows it.
        await WaitAsync(async () => (await WaitlistDriver.EmailsToAsync(bobsEmail)).Count(e => ((string?)e["subject"])!.StartsWith("Seats are waiting for you", StringComparison.Ordinal)) == 1, "bob is emailed the offer", held.ExpiresAt);
        var entry = await _waitlist.MineAsync(bob, show.Id);
        var offer = await ApiDriver.ReadAsync<HoldView>(await Api.GetAsync($"/events/{show.Id}/holds/{entry.Offer!.HoldId}", bob), System.Net.HttpStatusCode.OK);
        Assert.InRange(offer.CreatedAt - held.ExpiresAt, TimeSpan.Zero, s_comesBackWithin);
    }

    [Fact]
    public async Task ALapsedOfferMovesOnToTheNextEntryWithinTwoSeconds()
    {
        var organizer = await Api.OrganizerAsync();
        var holder = await Api.BuyerAsync();
        var (bob, cat) = (await Api.BuyerAsync(), await Api.BuyerAsync());
        var (show, held) = await _waitlist.SoldOutAsync(organizer, holder, capacity: 1, offerSeconds: 120);
        await _waitlist.JoinAsync(bob, show.Id, 1);
        await _waitlist.JoinAsync(cat, show.Id, 1);
        await _waitlist.ReleaseAsync(holder, show.Id, held.HoldId);
        var bobsOffer = (await _waitlist.MineAsync(bob, show.Id)).Offer!;

        factory.Time.Advance(TimeSpan.FromSeconds(120));

        await WaitAsync(async () => (await _waitlist.MineAsync(cat, show.Id)).Status == WaitlistStatuses.Offered, "cat is offered the lapsed seats", bobsOffer.ExpiresAt);
        Assert.Equal(WaitlistStatuses.Expired, (await _waitlist.MineAsync(bob, show.Id)).Status);
        var catsOffer = (await _waitlist.MineAsync(cat, show.Id)).Offer!;
        var catsHold = await ApiDriver.ReadAsync<HoldView>(await Api.GetAsync($"/events/{show.Id}/holds/{catsOffer.HoldId}", cat), System.Net.HttpStatusCode.OK);
        Assert.InRange(catsHold.CreatedAt - bobsOffer.ExpiresAt, TimeSpan.Zero, s_comesBackWithin);
        var late = await Api.PostAsync($"/events/{show.Id}/holds/{bobsOffer.HoldId}/confirm", bob, new { });
        Assert.Equal(System.Net.HttpStatusCode.Gone, late.StatusCode);
    }

    /// <summary>
    /// The grains' timers run on the test clock: it moves on a little while the test waits, but no
    /// further than 1.5 s past <paramref name="cameBack"/>, so a sweep that ran late in real time
    /// still shows the moment the engine itself saw.
    /// </summary>
    private Task WaitAsync(Func<Task<bool>> condition, string what, DateTimeOffset cameBack) =>
        Eventually.WaitUntilAsync(async () =>
        {
            if (factory.Time.GetUtcNow() < cameBack + TimeSpan.FromSeconds(1.5)) factory.Time.Advance(TimeSpan.FromMilliseconds(100));
            return await condition();
        }, what);
}
