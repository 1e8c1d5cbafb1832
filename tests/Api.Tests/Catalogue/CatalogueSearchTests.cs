using System.Net;
using Grains.Abstractions;

namespace Api.Tests.Catalogue;

/// <summary>GET /events: filters, sorts, facets, full text, paging and visibility. Each test owns a city of its own.</summary>
public sealed class CatalogueSearchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly CatalogueDriver _catalogue = new(factory.CreateDriver());

    private ApiDriver Api => _catalogue.Api;

    [Fact]
    public async Task EachFilterNarrowsTheSearch()
    {
        var organizer = await Api.OrganizerAsync();
        var other = await Api.OrganizerAsync();
        var buyer = await Api.BuyerAsync();
        var city = CatalogueDriver.NewCity();
        var jazz = await _catalogue.CreateAsync(organizer, city, "Jazz Night", daysAhead: 10, price: 20, tags: ["music", "outdoor"], category: "concert", artists: ["Nina Keys"]);
        var rock = await _catalogue.CreateAsync(organizer, city, "Rock Night", daysAhead: 20, price: 40, tags: ["music"], category: "concert", artists: ["The Bolts"]);
        var talk = await _catalogue.CreateAsync(other, city, "Cloud Talk", daysAhead: 30, price: 0, tags: ["tech"], category: "conference");
        await _catalogue.SearchUntilAsync(buyer, $"city={city}", p => p.Total == 3, "three events are in the catalogue");

        async Task Expect(string filter, params EventDetails[] expected)
        {
            var page = await _catalogue.SearchAsync(buyer, $"city={city}&{filter}");
            Assert.Equal(expected.Select(e => e.Id).Order(), page.Items.Select(i => i.Id).Order());
            Assert.Equal(expected.Length, page.Total);
        }

        Assert.Equal(3, (await _catalogue.SearchAsync(buyer, $"city={city.ToUpperInvariant()}")).Total);
        await Expect("tags=music", jazz, rock);
        await Expect("tags=music,outdoor", jazz);
        await Expect("category=Conference", talk);
        await Expect("artist=nina keys", jazz);
        await Expect("priceMin=10&priceMax=30", jazz);
        await Expect("priceMax=0", talk);
        await Expect($"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(15).ToString("O"))}", rock, talk);
        await Expect($"to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(25).ToString("O"))}", jazz, rock);
        await Expect($"owner={other.Id}", talk);
        await Expect("q=bolts", rock);
        await Expect("available=true", jazz, rock, talk);
    }

    [Fact]
    public async Task ItemsCarryTheCatalogueFieldsAndCategoryAndArtistsRoundTrip()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        var created = await _catalogue.CreateAsync(organizer, city, "Harbour Sessions", price: 12.5m, tags: ["music"], category: "concert", artists: ["Ana Mar", "Rui Sol"], capacity: 50);
        Assert.Equal("concert", created.Category);
        Assert.Equal(["Ana Mar", "Rui Sol"], created.Artists);

        var item = Assert.Single((await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 1, "the event is in the catalogue")).Items);

        Assert.Equal((created.Id, created.Slug, "Harbour Sessions", city, "concert", 12.5m, "EUR", "onsale", 50), (item.Id, item.Slug, item.Title, item.City, item.Category, item.MinPrice, item.Currency, item.Status, item.Available));
        Assert.Equal(created.StartAt, item.StartAt);
        Assert.Equal(created.EndAt, item.EndAt);
        Assert.Equal(["music"], item.Tags);
        Assert.Equal(["Ana Mar", "Rui Sol"], item.Artists);
    }

    [Fact]
    public async Task SortsByStartTimeEitherWayByPriceAndByRelevance()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        var late = await _catalogue.CreateAsync(organizer, city, "Festival of Lights", daysAhead: 40, price: 10, description: "lights");
        var early = await _catalogue.CreateAsync(organizer, city, "Winter Market", daysAhead: 5, price: 30, description: "A market with a lights show");
        var middle = await _catalogue.CreateAsync(organizer, city, "Lights Lights Lights", daysAhead: 20, price: 20);
        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 3, "three events are in the catalogue");

        async Task<string[]> Order(string query) => (await _catalogue.SearchAsync(organizer, $"city={city}&{query}")).Items.Select(i => i.Id).ToArray();

        Assert.Equal([early.Id, middle.Id, late.Id], await Order(""));
        Assert.Equal([early.Id, middle.Id, late.Id], await Order("sort=startAt"));
        Assert.Equal([late.Id, middle.Id, early.Id], await Order("sort=-startAt"));
        Assert.Equal([late.Id, middle.Id, early.Id], await Order("sort=price"));
        var relevant = await Order("q=lights");
        Assert.Equal(middle.Id, relevant[0]);
        Assert.Equal(3, relevant.Length);
        Assert.Equal(relevant, await Order("q=lights&sort=relevance"));
        Assert.Equal([early.Id, middle.Id, late.Id], await Order("q=lights&sort=startAt"));
    }

    [Fact]
    public async Task FacetsCountEveryMatchByCityCategoryAndTag()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        await _catalogue.CreateAsync(organizer, city, "One", tags: ["music", "outdoor"], category: "concert");
        await _catalogue.CreateAsync(organizer, city, "Two", tags: ["music"], category: "concert");
        await _catalogue.CreateAsync(organizer, city, "Three", tags: ["tech"], category: "conference");

        var page = await _catalogue.SearchUntilAsync(organizer, $"city={city}&pageSize=1", p => p.Total == 3, "three events are in the catalogue");

        Assert.Single(page.Items);
        Assert.Equal(new Dictionary<string, int> { [city] = 3 }, page.Facets.City);
        Assert.Equal(new Dictionary<string, int> { ["concert"] = 2, ["conference"] = 1 }, page.Facets.Category);
        Assert.Equal(new Dictionary<string, int> { ["music"] = 2, ["outdoor"] = 1, ["tech"] = 1 }, page.Facets.Tags);
    }

    [Fact]
    public async Task FullTextToleratesOneTypoPerLongWordAcrossTitleDescriptionArtistsAndTags()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        var festival = await _catalogue.CreateAsync(organizer, city, "Jazz Festival", artists: ["Miles Ahead"], tags: ["saxophone"], description: "Three stages by the river");
        await _catalogue.CreateAsync(organizer, city, "Opera Gala");
        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 2, "two events are in the catalogue");

        foreach (var q in new[] { "jazz festivl", "JAZZ FESTIVAL", "stages river", "miles", "saxophnoe", "festval" })
        {
            var page = await _catalogue.SearchAsync(organizer, $"city={city}&q={Uri.EscapeDataString(q)}");
            Assert.True(page.Items.Count == 1 && page.Items[0].Id == festival.Id, $"q={q} should find only the festival.");
        }

        Assert.Equal(0, (await _catalogue.SearchAsync(organizer, $"city={city}&q=jaz")).Total);
        Assert.Equal(0, (await _catalogue.SearchAsync(organizer, $"city={city}&q=festivxyl")).Total);
    }

    [Fact]
    public async Task SuggestionsCompleteTitlesFromAPrefix()
    {
        var organizer = await Api.OrganizerAsync();
        var word = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var city = CatalogueDriver.NewCity();
        await _catalogue.CreateAsync(organizer, city, $"{word} Summer Festival");
        await _catalogue.CreateAsync(organizer, city, $"{word} Spring Fair");
        await _catalogue.CreateAsync(organizer, city, $"{word} Winter Gala", draft: true);
        var buyer = await Api.BuyerAsync();
        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 3, "three events are in the catalogue");

        var titles = await Suggest(buyer, word.ToLowerInvariant()[..6]);
        Assert.Equal([$"{word} Spring Fair", $"{word} Summer Festival"], titles.Order());
        Assert.Equal([$"{word} Summer Festival"], await Suggest(buyer, $"{word} sum"));
        Assert.Contains($"{word} Winter Gala", await Suggest(organizer, $"{word} w"));
        Assert.Empty(await Suggest(buyer, $"{word} w"));

        var bad = await Api.GetAsync("/events/suggest?q=", buyer);
        Assert.Equal("q", Assert.Single((await ApiDriver.ProblemAsync(bad, HttpStatusCode.BadRequest)).Errors.Keys));
    }

    [Fact]
    public async Task PagesSplitTheMatchesInOrderAndReportTheTotal()
    {
        var organizer = await Api.OrganizerAsync();
        var city = CatalogueDriver.NewCity();
        var events = new List<EventDetails>();
        for (var i = 0; i < 5; i++) events.Add(await _catalogue.CreateAsync(organizer, city, $"Night {i}", daysAhead: 10 + i));
        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 5, "five events are in the catalogue");

        var pages = new List<CataloguePage>();
        for (var page = 1; page <= 3; page++) pages.Add(await _catalogue.SearchAsync(organizer, $"city={city}&page={page}&pageSize=2"));

        Assert.All(pages, p => Assert.Equal((5, 2), (p.Total, p.PageSize)));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(events.Select(e => e.Id), pages.SelectMany(p => p.Items).Select(i => i.Id));
        Assert.Empty((await _catalogue.SearchAsync(organizer, $"city={city}&page=4&pageSize=2")).Items);
    }

    [Fact]
    public async Task DraftsAppearOnlyToTheirOwnerHostsAndAdmins()
    {
        var organizer = await Api.OrganizerAsync();
        var otherOrganizer = await Api.OrganizerAsync();
        var buyer = await Api.BuyerAsync();
        var admin = await Api.UserAsync("admin", "admin");
        var city = CatalogueDriver.NewCity();
        await _catalogue.CreateAsync(organizer, city, "Published");
        var draft = await _catalogue.CreateAsync(organizer, city, "Draft", draft: true);

        await _catalogue.SearchUntilAsync(organizer, $"city={city}", p => p.Total == 2, "the owner sees the draft");
        Assert.Equal(2, (await _catalogue.SearchAsync(admin, $"city={city}")).Total);
        Assert.Equal(["Published"], (await _catalogue.SearchAsync(buyer, $"city={city}")).Items.Select(i => i.Title));
        Assert.Equal(["Published"], (await _catalogue.SearchAsync(otherOrganizer, $"city={city}")).Items.Select(i => i.Title));

        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync($"/events/{draft.Id}/publish", organizer)).StatusCode);
        await _catalogue.SearchUntilAsync(buyer, $"city={city}", p => p.Total == 2, "the published draft shows to everyone");
    }

    [Theory]
    [InlineData("from=2027-06-02T00:00:00Z&to=2027-06-01T00:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("priceMin=-1", "priceMin")]
    [InlineData("priceMax=cheap", "priceMax")]
    [InlineData("sort=popularity", "sort")]
    [InlineData("available=maybe", "available")]
    [InlineData("owner=not%20an%20id", "owner")]
    public async Task BadSearchParametersGetAProblemNamingTheParameter(string query, string parameter)
    {
        var buyer = await Api.BuyerAsync();

        var problem = await ApiDriver.ProblemAsync(await Api.GetAsync("/events?" + query, buyer), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, Assert.Single(problem.Errors.Keys));
    }

    private async Task<IReadOnlyList<string>> Suggest(TestUser user, string prefix)
    {
        var response = await Api.GetAsync("/events/suggest?q=" + Uri.EscapeDataString(prefix), user);
        return (await ApiDriver.ReadAsync<Api.Catalogue.SuggestResponse>(response, HttpStatusCode.OK)).Titles;
    }
}
