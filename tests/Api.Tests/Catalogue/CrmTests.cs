using System.Net;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Catalogue;

/// <summary>The CRM's own user creation and listing, and analytics across an organizer's events.</summary>
public sealed class CrmTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly CatalogueDriver _catalogue = new(factory.CreateDriver());

    private ApiDriver Api => _catalogue.Api;

    [Fact]
    public async Task AnAdminCreatesContactsWithServerIdsAndOthersOnlyTheirOwnProfile()
    {
        var admin = await Api.UserAsync("admin", "admin");
        var buyer = await Api.BuyerAsync();

        var response = await Api.PostAsync("/users", admin, Profile("Grace"));
        var contact = await ApiDriver.ReadAsync<UserView>(response, HttpStatusCode.Created);
        Assert.NotEqual(admin.Id, contact.Id);
        Assert.Equal($"/users/{contact.Id}", response.Headers.Location?.OriginalString);
        var second = await ApiDriver.ReadAsync<UserView>(await Api.PostAsync("/users", admin, Profile("Alan")), HttpStatusCode.Created);
        Assert.NotEqual(contact.Id, second.Id);
        Assert.Equal("Grace", (await ApiDriver.ReadAsync<UserView>(await Api.GetAsync($"/users/{contact.Id}", admin), HttpStatusCode.OK)).FirstName);

        var own = await ApiDriver.ReadAsync<UserView>(await Api.PostAsync("/users", buyer, Profile("Ada")), HttpStatusCode.Created);
        Assert.Equal(buyer.Id, own.Id);
    }

    [Fact]
    public async Task AdminsListUsersNewestFirstInPages()
    {
        var admin = await Api.UserAsync("admin", "admin");
        var older = await ApiDriver.ReadAsync<UserView>(await Api.PostAsync("/users", admin, Profile("Older")), HttpStatusCode.Created);
        var newer = await ApiDriver.ReadAsync<UserView>(await Api.PostAsync("/users", admin, Profile("Newer")), HttpStatusCode.Created);

        UserPage page = null!;
        await Eventually.WaitUntilAsync(
            async () => (page = await ApiDriver.ReadAsync<UserPage>(await Api.GetAsync("/users?pageSize=100", admin), HttpStatusCode.OK)).Items.Any(u => u.Id == newer.Id),
            "the new users are listed");
        var ids = page.Items.Select(u => u.Id).ToList();
        Assert.True(ids.IndexOf(newer.Id) < ids.IndexOf(older.Id), "Newest first.");
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt));
        Assert.Single((await ApiDriver.ReadAsync<UserPage>(await Api.GetAsync("/users?pageSize=1", admin), HttpStatusCode.OK)).Items);

        await ApiDriver.ProblemAsync(await Api.GetAsync("/users", await Api.OrganizerAsync()), HttpStatusCode.Forbidden);
        Assert.Equal("pageSize", Assert.Single((await ApiDriver.ProblemAsync(await Api.GetAsync("/users?pageSize=0", admin), HttpStatusCode.BadRequest)).Errors.Keys));
    }

    [Fact]
    public async Task AnalyticsAcrossEventsCoverAnOrganizersOwnEventsWithTotals()
    {
        var organizer = await Api.OrganizerAsync();
        var other = await Api.OrganizerAsync();
        var admin = await Api.UserAsync("admin", "admin");
        var buyer = await Api.BuyerAsync();
        var first = await _catalogue.CreateAsync(organizer, CatalogueDriver.NewCity(), "First", daysAhead: 5, price: 10, capacity: 10);
        var second = await _catalogue.CreateAsync(organizer, CatalogueDriver.NewCity(), "Second", daysAhead: 6, price: 20, capacity: 20, draft: true);
        await _catalogue.CreateAsync(other, CatalogueDriver.NewCity(), "Theirs", capacity: 5);
        var hold = await Api.HoldAsync(buyer, first.Id, new { quantity = 3 });
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/events/{first.Id}/holds/{hold.HoldId}/confirm", buyer, new { })).StatusCode);
        await Api.HoldAsync(buyer, first.Id, new { quantity = 1 });

        AnalyticsPage page = null!;
        await Eventually.WaitUntilAsync(
            async () => (page = await Analytics(organizer, "")).Totals.Booked == 3 && page.Totals.Held == 1,
            "the bookings reach the analytics", CatalogueDriver.Freshness);

        Assert.Equal([first.Id, second.Id], page.Items.Select(i => i.EventId));
        Assert.Equal((2, 30L, 3L, 1L, 30m, 2L, 1L, 0.5, 0L), (page.Totals.Events, page.Totals.Capacity, page.Totals.Booked, page.Totals.Held, page.Totals.Revenue, page.Totals.HoldsCreated, page.Totals.HoldsConfirmed, page.Totals.ConversionRate, page.Totals.BookingsCancelled));
        Assert.Equal([second.Id], (await Analytics(organizer, "?page=2&pageSize=1")).Items.Select(i => i.EventId));
        Assert.Equal(2, (await Analytics(admin, $"?owner={organizer.Id}")).Totals.Events);
        Assert.True((await Analytics(admin, "?pageSize=100")).Totals.Events >= 3);
        Assert.Equal("owner", Assert.Single((await ApiDriver.ProblemAsync(await Api.GetAsync($"/analytics/events?owner={other.Id}", organizer), HttpStatusCode.BadRequest)).Errors.Keys));
        await ApiDriver.ProblemAsync(await Api.GetAsync("/analytics/events", buyer), HttpStatusCode.Forbidden);
    }

    private async Task<AnalyticsPage> Analytics(TestUser user, string query) =>
        await ApiDriver.ReadAsync<AnalyticsPage>(await Api.GetAsync("/analytics/events" + query, user), HttpStatusCode.OK);

    private static object Profile(string firstName) => new { firstName, lastName = "Contact", email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com" };
}
