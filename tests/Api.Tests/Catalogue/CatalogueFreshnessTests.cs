using System.Net;
using Grains.Abstractions;

namespace Api.Tests.Catalogue;

/// <summary>Changes to an event reach the search within seconds: the event grains keep the catalogue current.</summary>
public sealed class CatalogueFreshnessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly CatalogueDriver _catalogue = new(factory.CreateDriver());

    private ApiDriver Api => _catalogue.Api;

    [Fact]
    public async Task TitleTagsAndPriceChangesShowInTheSearch()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        var created = await _catalogue.CreateAsync(organizer, city, "Old Title", price: 25, tags: ["music"]);
        await _catalogue.SearchUntilAsync(organizer, $"city={city}&tags=music", p => p.Total == 1, "the event is in the catalogue");

        var body = ApiDriver.EventBody(capacity: 100);
        body.Remove("capacity");
        body.Remove("venueId");
        body["slug"] = created.Slug;
        body["title"] = "Brand New Title";
        body["city"] = city;
        body["startAt"] = created.StartAt;
        body["endAt"] = created.EndAt;
        body["tags"] = new[] { "theatre" };
        body["prices"] = new Dictionary<string, decimal> { ["default"] = 5m };
        var updated = await Api.SendAsync(HttpMethod.Put, $"/events/{created.Id}", organizer, body);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var page = await _catalogue.SearchUntilAsync(organizer, $"city={city}&q=brand&tags=theatre&priceMax=5", p => p.Total == 1, "the new title, tag and price are searchable");
        Assert.Equal(("Brand New Title", 5m), (page.Items[0].Title, page.Items[0].MinPrice));
        Assert.Equal(0, (await _catalogue.SearchAsync(organizer, $"city={city}&tags=music")).Total);
        Assert.Equal(0, (await _catalogue.SearchAsync(organizer, $"city={city}&q=old")).Total);
    }

    [Fact]
    public async Task ACancelledEventShowsAsCancelledAndNotAvailable()
    {
        var organizer = await Api.OrganizerAsync();
        var buyer = await Api.BuyerAsync();
        var city = CatalogueDriver.NewCity();
        var created = await _catalogue.CreateAsync(organizer, city, "Soon Cancelled");
        await _catalogue.SearchUntilAsync(buyer, $"city={city}&available=true", p => p.Total == 1, "the event is available");

        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync($"/events/{created.Id}/cancel", organizer)).StatusCode);

        var page = await _catalogue.SearchUntilAsync(buyer, $"city={city}", p => p.Items.SingleOrDefault()?.Status == "cancelled", "the event shows as cancelled");
        Assert.Equal(0, page.Items[0].Available);
        Assert.Equal(0, (await _catalogue.SearchAsync(buyer, $"city={city}&available=true")).Total);
    }

    [Fact]
    public async Task ASoldOutEventLeavesTheAvailableSearchAndItsSeatsCountDown()
    {
        var organizer = await Api.OrganizerAsync();
        var buyer = await Api.BuyerAsync();
        var city = CatalogueDriver.NewCity();
        var created = await _catalogue.CreateAsync(organizer, city, "Tiny Show", capacity: 3);
        await _catalogue.SearchUntilAsync(buyer, $"city={city}&available=true", p => p.Items.SingleOrDefault()?.Available == 3, "three seats are free");

        await Api.HoldAsync(buyer, created.Id, new { quantity = 1 });
        await _catalogue.SearchUntilAsync(buyer, $"city={city}", p => p.Items.SingleOrDefault()?.Available == 2, "a held seat is not free");

        var hold = await Api.HoldAsync(buyer, created.Id, new { quantity = 2 });
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/events/{created.Id}/holds/{hold.HoldId}/confirm", buyer, new { })).StatusCode);

        await _catalogue.SearchUntilAsync(buyer, $"city={city}&available=true", p => p.Total == 0, "the sold-out event leaves the available search");
        Assert.Equal(0, (await _catalogue.SearchAsync(buyer, $"city={city}")).Items.Single().Available);
    }

    [Fact]
    public async Task ADeletedEventLeavesTheSearch()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        var created = await _catalogue.CreateAsync(organizer, city, "Never Mind");
        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 1, "the event is in the catalogue");

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/events/{created.Id}", organizer)).StatusCode);

        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 0, "the deleted event leaves the catalogue");
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/events/{created.Id}", organizer)).StatusCode);
    }
}
