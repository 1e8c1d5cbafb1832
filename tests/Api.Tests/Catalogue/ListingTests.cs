using System.Net;
using Grains.Abstractions;

namespace Api.Tests.Catalogue;

/// <summary>The CRM's listings: venues, an owner's events and a user's bookings.</summary>
public sealed class ListingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly CatalogueDriver _catalogue = new(factory.CreateDriver());

    private ApiDriver Api => _catalogue.Api;

    [Fact]
    public async Task OrganizersListTheirOwnVenuesAndAdminsListAllNewestFirst()
    {
        var organizer = await Api.OrganizerAsync();
        var other = await Api.OrganizerAsync();
        var admin = await Api.UserAsync("admin", "admin");
        var first = await Api.CreateVenueAsync(organizer, rows: 1, seatsPerRow: 5);
        var second = await Api.CreateVenueAsync(organizer, rows: 1, seatsPerRow: 6);
        var theirs = await Api.CreateVenueAsync(other, rows: 1, seatsPerRow: 7);

        var mine = await ApiDriver.ReadAsync<VenuePage>(await Api.GetAsync("/venues", organizer), HttpStatusCode.OK);
        Assert.Equal([second.Id, first.Id], mine.Items.Select(v => v.Id));
        Assert.Equal((2, 6), (mine.Total, mine.Items[0].Capacity));

        var paged = await ApiDriver.ReadAsync<VenuePage>(await Api.GetAsync("/venues?page=2&pageSize=1", organizer), HttpStatusCode.OK);
        Assert.Equal([first.Id], paged.Items.Select(v => v.Id));

        var all = await ApiDriver.ReadAsync<VenuePage>(await Api.GetAsync("/venues?pageSize=100", admin), HttpStatusCode.OK);
        Assert.Contains(theirs.Id, all.Items.Select(v => v.Id));
        Assert.Contains(first.Id, all.Items.Select(v => v.Id));

        await ApiDriver.ProblemAsync(await Api.GetAsync("/venues", await Api.BuyerAsync()), HttpStatusCode.Forbidden);
        Assert.Equal("pageSize", Assert.Single((await ApiDriver.ProblemAsync(await Api.GetAsync("/venues?pageSize=0", organizer), HttpStatusCode.BadRequest)).Errors.Keys));
    }

    [Fact]
    public async Task AnOwnersEventsIncludingDraftsAreListedForTheOwnerAndAdmins()
    {
        var organizer = await Api.OrganizerAsync();
        var other = await Api.OrganizerAsync();
        var admin = await Api.UserAsync("admin", "admin");
        var city = CatalogueDriver.NewCity();
        var published = await _catalogue.CreateAsync(organizer, city, "Published", daysAhead: 5);
        var draft = await _catalogue.CreateAsync(organizer, city, "Draft", daysAhead: 6, draft: true);
        await _catalogue.CreateAsync(other, city, "Not theirs");

        await Eventually(organizer, $"/events/owner/{organizer.Id}", 2);
        var listed = await ApiDriver.ReadAsync<CataloguePage>(await Api.GetAsync($"/events/owner/{organizer.Id}", admin), HttpStatusCode.OK);
        Assert.Equal([published.Id, draft.Id], listed.Items.Select(i => i.Id));
        Assert.Equal(2, (await ApiDriver.ReadAsync<CataloguePage>(await Api.GetAsync("/events/owner/me", organizer), HttpStatusCode.OK)).Total);
        await ApiDriver.ProblemAsync(await Api.GetAsync($"/events/owner/{organizer.Id}", other), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AUsersBookingsAreTheSameForThemAndAdminsAndHiddenFromOthers()
    {
        var organizer = await Api.OrganizerAsync();
        var buyer = await Api.BuyerAsync();
        var admin = await Api.UserAsync("admin", "admin");
        var show = await Api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 5);
        var hold = await Api.HoldAsync(buyer, show.Id, new { quantity = 2 });
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer, new { })).StatusCode);

        var mine = await Bookings(buyer, "/users/me/bookings");
        await TestKit.Eventually.WaitUntilAsync(async () => (mine = await Bookings(buyer, "/users/me/bookings")).Bookings.Count == 1, "the booking reaches the user");

        var byId = await Bookings(buyer, $"/users/{buyer.Id}/bookings");
        var byAdmin = await Bookings(admin, $"/users/{buyer.Id}/bookings");
        static IEnumerable<(string, decimal, string, int)> Keys(Api.Bookings.MyBookingsResponse r) => r.Bookings.Select(b => (b.BookingId, b.Total, b.Status, b.Seats.Count));
        Assert.Equal(Keys(mine), Keys(byId));
        Assert.Equal(Keys(mine), Keys(byAdmin));
        await ApiDriver.ProblemAsync(await Api.GetAsync($"/users/{buyer.Id}/bookings", organizer), HttpStatusCode.Forbidden);
    }

    private async Task<Api.Bookings.MyBookingsResponse> Bookings(TestUser user, string path) =>
        await ApiDriver.ReadAsync<Api.Bookings.MyBookingsResponse>(await Api.GetAsync(path, user), HttpStatusCode.OK);

    private async Task Eventually(TestUser user, string path, int total) =>
        await TestKit.Eventually.WaitUntilAsync(
            async () => (await ApiDriver.ReadAsync<CataloguePage>(await Api.GetAsync(path, user), HttpStatusCode.OK)).Total == total,
            $"{path} lists {total}",
            CatalogueDriver.Freshness);
}
