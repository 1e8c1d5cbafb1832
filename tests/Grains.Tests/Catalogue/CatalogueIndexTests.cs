using Grains.Abstractions;
using Grains.Catalogue;

namespace Grains.Tests.Catalogue;

/// <summary>
/// A silo's catalogue index on its own: sorts, pages, totals, facets, filters, text and visibility
/// over an index written in several refreshes (so in several segments) with updates and deletions
/// between them, checked against the same questions asked of the entries with LINQ.
/// </summary>
public sealed class CatalogueIndexTests
{
    private static readonly DateTimeOffset Day0 = new(2027, 3, 1, 19, 0, 0, TimeSpan.Zero);
    private static readonly Caller Buyer = new() { UserId = "buyer-1" };
    private static readonly Caller Admin = new() { UserId = "admin-1", IsAdmin = true };
    private static readonly string[] Cities = ["Lisbon", "Porto", "Madrid"];

    [Theory]
    [InlineData(CatalogueSort.StartAt)]
    [InlineData(CatalogueSort.StartAtDescending)]
    [InlineData(CatalogueSort.Price)]
    public void PagesFollowTheSortAcrossSegmentsUpdatesAndDeletions(CatalogueSort sort)
    {
        using var index = new CatalogueIndex();
        var live = Churned(index);

        foreach (var filter in Filters())
        {
            var expected = Order(live.Where(e => e.Status != "draft").Where(filter.Matches), sort).Select(e => e.EventId).ToList();
            var pages = Enumerable.Range(1, expected.Count / 7 + 2).Select(page => index.Search(filter.Query with { Sort = sort, Page = page, PageSize = 7 }, Buyer)).ToList();

            Assert.All(pages, p => Assert.Equal(expected.Count, p.Total));
            Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(i => i.Id));
        }
    }

    [Fact]
    public void FacetsCountEveryLiveMatchByTheValueAsGiven()
    {
        using var index = new CatalogueIndex();
        var live = Churned(index);

        foreach (var filter in Filters())
        {
            var matches = live.Where(e => e.Status != "draft").Where(filter.Matches).ToList();
            var facets = index.Search(filter.Query with { PageSize = 1 }, Buyer).Facets;

            Assert.Equal(Counts(matches.Select(e => e.City!.Trim())), facets.City);
            Assert.Equal(Counts(matches.Select(e => e.Category!)), facets.Category);
            Assert.Equal(Counts(matches.SelectMany(e => e.Tags.Distinct())), facets.Tags);
        }
    }

    [Fact]
    public void DateAndPriceBoundsAreInclusive()
    {
        using var index = new CatalogueIndex();
        index.Apply([Entry("free", day: 1, price: 0), Entry("ten", day: 2, price: 10), Entry("twenty", day: 3, price: 20)]);
        index.Refresh();

        string[] Ids(CatalogueQuery query) => index.Search(query, Buyer).Items.Select(i => i.Id).ToArray();

        Assert.Equal(["ten"], Ids(new() { From = Day0.AddDays(2), To = Day0.AddDays(2) }));
        Assert.Equal(["ten", "twenty"], Ids(new() { From = Day0.AddDays(2) }));
        Assert.Equal(["free"], Ids(new() { PriceMax = 0 }));
        Assert.Equal(["ten"], Ids(new() { PriceMin = 10, PriceMax = 10 }));
        Assert.Equal(["ten", "twenty"], Ids(new() { PriceMin = 9.99m }));
    }

    [Fact]
    public void DraftsShowToTheirOwnerHostsAndAdminsWhicheverSegmentHoldsThem()
    {
        using var index = new CatalogueIndex();
        index.Apply([Entry("published", day: 1, owner: "olivia")]);
        index.Refresh();
        index.Apply([Entry("draft", day: 2, owner: "olivia", status: "draft", hosts: ["henry"])]);
        index.Refresh();
        index.Apply([Entry("other", day: 3, owner: "oscar", status: "draft")]);
        index.Refresh();

        string[] Ids(string user, bool admin = false) => index.Search(new(), new() { UserId = user, IsAdmin = admin }).Items.Select(i => i.Id).ToArray();

        Assert.Equal(["published", "draft"], Ids("olivia"));
        Assert.Equal(["published", "draft"], Ids("henry"));
        Assert.Equal(["published", "other"], Ids("oscar"));
        Assert.Equal(["published"], Ids("buyer-1"));
        Assert.Equal(["published", "draft", "other"], Ids("root", admin: true));
    }

    [Fact]
    public void AvailableOnlyKeepsEventsOnSaleWithSeatsFree()
    {
        using var index = new CatalogueIndex();
        index.Apply([Entry("open", day: 1, available: 5), Entry("full", day: 2, available: 0), Entry("cancelled", day: 3, status: "cancelled", available: 5)]);
        index.Refresh();

        var page = index.Search(new() { AvailableOnly = true }, Buyer);

        Assert.Equal(["open"], page.Items.Select(i => i.Id));
        Assert.Equal(["open", "full", "cancelled"], index.Search(new(), Buyer).Items.Select(i => i.Id));
    }

    [Fact]
    public void ExactWordsRankAboveTyposAndEqualScoresByStart()
    {
        using var index = new CatalogueIndex();
        index.Apply(
        [
            Entry("alpha", day: 10, title: "Festival Alpha"),
            Entry("typo", day: 1, title: "Festivak Gamma"),
            Entry("gamma", day: 5, title: "Festival Gamma"),
            Entry("none", day: 2, title: "Opera Gamma"),
        ]);
        index.Refresh();

        Assert.Equal(["gamma", "alpha", "typo"], index.Search(new() { Text = "festival", Sort = CatalogueSort.Relevance }, Buyer).Items.Select(i => i.Id));
        Assert.Equal(["typo", "gamma", "alpha"], index.Search(new() { Text = "FESTIVAL" }, Buyer).Items.Select(i => i.Id));
        Assert.Equal(["gamma"], index.Search(new() { Text = "gamma festivl", Sort = CatalogueSort.Relevance }, Buyer).Items.Select(i => i.Id));
        Assert.Equal(["typo", "none", "gamma", "alpha"], index.Search(new() { Text = "!!", Sort = CatalogueSort.Relevance }, Buyer).Items.Select(i => i.Id));
    }

    [Fact]
    public void ARefreshedTitleIsFoundByItsNewWordsOnly()
    {
        using var index = new CatalogueIndex();
        index.Apply([Entry("show", day: 1, title: "Harbour Sessions")]);
        index.Refresh();
        Assert.Equal(1, index.Search(new() { Text = "harbour" }, Buyer).Total);

        index.Apply([Entry("show", day: 1, title: "River Lights") with { Version = 2 }]);
        index.Refresh();

        Assert.Equal(0, index.Search(new() { Text = "harbour" }, Buyer).Total);
        Assert.Equal("River Lights", Assert.Single(index.Search(new() { Text = "river" }, Buyer).Items).Title);
    }

    [Fact]
    public void EqualStartsOrderByIdInCodePointOrder()
    {
        using var index = new CatalogueIndex();
        string[] ids = ["b", "\U0001F3B5", "a", "\uFF21", "ab"];
        index.Apply(ids.Select(id => Entry(id, day: 1)));
        index.Refresh();

        // U+1F3B5 is written with surrogates (0xD83C...), below U+FF21 in UTF-16 but above it as a code point.
        Assert.Equal(["a", "ab", "b", "\uFF21", "\U0001F3B5"], index.Search(new(), Buyer).Items.Select(i => i.Id));
        Assert.Equal(["a", "ab", "b", "\uFF21", "\U0001F3B5"], index.Search(new() { Sort = CatalogueSort.StartAtDescending }, Buyer).Items.Select(i => i.Id));
    }

    /// <summary>240 events written in six refreshes, a third of them then updated and a tenth deleted; the entries left.</summary>
    private static List<CatalogueEntry> Churned(CatalogueIndex index)
    {
        var entries = new Dictionary<string, CatalogueEntry>();
        for (var batch = 0; batch < 6; batch++)
        {
            var added = Enumerable.Range(batch * 40, 40).Select(i => Entry(
                $"e{i:D3}", day: i % 17, price: i % 7 * 5, city: i % 10 == 0 ? Cities[i % 3].ToLowerInvariant() + " " : Cities[i % 3], category: $"cat-{i % 4}",
                tags: [$"tag-{i % 5}", $"tag-{i % 3}"], status: i % 11 == 0 ? "draft" : "onsale", available: i % 6, title: i % 2 == 0 ? "Jazz Night" : "Opera Gala")).ToList();
            index.Apply(added);
            foreach (var e in added) entries[e.EventId] = e;
            index.Refresh();
        }

        var updated = entries.Values.Where(e => int.Parse(e.EventId[1..]) % 3 == 0).Select(e => e with { Version = 2, StartAt = e.StartAt.AddHours(1), MinPrice = e.MinPrice + 1, Status = "onsale" }).ToList();
        index.Apply(updated);
        foreach (var e in updated) entries[e.EventId] = e;
        var deleted = entries.Keys.Where(id => int.Parse(id[1..]) % 10 == 7).ToList();
        index.Remove(deleted);
        foreach (var id in deleted) entries.Remove(id);
        index.Refresh();
        return [.. entries.Values];
    }

    private static IEnumerable<(CatalogueQuery Query, Func<CatalogueEntry, bool> Matches)> Filters()
    {
        yield return (new(), _ => true);
        yield return (new() { City = "LISBON" }, e => e.City!.Trim().Equals("Lisbon", StringComparison.OrdinalIgnoreCase));
        yield return (new() { Tags = ["tag-1", "TAG-2"] }, e => e.Tags.Contains("tag-1") && e.Tags.Contains("tag-2"));
        yield return (new() { Category = "cat-3", PriceMin = 5, PriceMax = 20 }, e => e.Category == "cat-3" && e.MinPrice is >= 5 and <= 20);
        yield return (new() { From = Day0.AddDays(3), To = Day0.AddDays(9), AvailableOnly = true }, e => e.StartAt >= Day0.AddDays(3) && e.StartAt <= Day0.AddDays(9) && e.Analytics!.Available > 0);
        yield return (new() { Text = "jazz" }, e => e.Title == "Jazz Night");
        yield return (new() { Text = "opera galla", City = "Porto" }, e => e.Title == "Opera Gala" && e.City!.Trim().Equals("Porto", StringComparison.OrdinalIgnoreCase));
        yield return (new() { City = "Nowhere" }, _ => false);
    }

    private static IEnumerable<CatalogueEntry> Order(IEnumerable<CatalogueEntry> entries, CatalogueSort sort) => sort switch
    {
        CatalogueSort.StartAtDescending => entries.OrderByDescending(e => e.StartAt).ThenBy(e => e.EventId, StringComparer.Ordinal),
        CatalogueSort.Price => entries.OrderBy(e => e.MinPrice).ThenBy(e => e.StartAt).ThenBy(e => e.EventId, StringComparer.Ordinal),
        _ => entries.OrderBy(e => e.StartAt).ThenBy(e => e.EventId, StringComparer.Ordinal),
    };

    private static Dictionary<string, int> Counts(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static CatalogueEntry Entry(
        string id, int day, decimal price = 10, string city = "Lisbon", string category = "concert", string[]? tags = null,
        string status = "onsale", int available = 10, string title = "Show", string owner = "olivia", string[]? hosts = null) => new()
    {
        EventId = id,
        Version = 1,
        Slug = id,
        Title = title,
        StartAt = Day0.AddDays(day),
        EndAt = Day0.AddDays(day).AddHours(3),
        City = city,
        Category = category,
        Tags = tags ?? ["music"],
        OwnerId = owner,
        HostIds = hosts ?? [],
        MinPrice = price,
        Currency = "EUR",
        Status = status,
        Analytics = new EventAnalytics
        {
            EventId = id, Capacity = 10, Booked = 10 - available, Held = 0, Available = available, Utilization = 0, Revenue = 0, Currency = "EUR",
            HoldsCreated = 0, HoldsExpired = 0, HoldsReleased = 0, HoldsConfirmed = 0, ConversionRate = 0, BookingsCancelled = 0,
        },
    };
}
