using System.Net;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Catalogue;

/// <summary>Creates catalogue events and waits for searches to show them.</summary>
internal sealed class CatalogueDriver(ApiDriver api)
{
    /// <summary>The catalogue promises 5 s; the margin is for a loaded 2-core machine.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    public ApiDriver Api => api;

    public async Task<EventDetails> CreateAsync(TestUser organizer, string city, string title = "A show", int daysAhead = 30, decimal price = 25m,
        string[]? tags = null, string? category = null, string[]? artists = null, bool draft = false, int capacity = 100, string? description = null)
    {
        var body = ApiDriver.EventBody(capacity: capacity);
        body["title"] = title;
        body["city"] = city;
        body["startAt"] = DateTimeOffset.UtcNow.Date.AddDays(daysAhead).AddHours(19);
        body["endAt"] = DateTimeOffset.UtcNow.Date.AddDays(daysAhead).AddHours(22);
        body["prices"] = new Dictionary<string, decimal> { ["default"] = price };
        body["tags"] = tags ?? [];
        body["category"] = category;
        body["artists"] = artists ?? [];
        body["draft"] = draft;
        body["description"] = description;
        return await ApiDriver.ReadAsync<EventDetails>(await api.PostAsync("/events", organizer, body), HttpStatusCode.Created);
    }

    public async Task<CataloguePage> SearchAsync(TestUser user, string query)
    {
        var response = await api.GetAsync("/events?" + query, user);
        return await ApiDriver.ReadAsync<CataloguePage>(response, HttpStatusCode.OK);
    }

    /// <summary>Searches until the answer satisfies <paramref name="condition"/>; returns that answer.</summary>
    public async Task<CataloguePage> SearchUntilAsync(TestUser user, string query, Func<CataloguePage, bool> condition, string what)
    {
        CataloguePage? last = null;
        await Eventually.WaitUntilAsync(async () => condition(last = await SearchAsync(user, query)), $"{what} (GET /events?{query})", Freshness);
        return last!;
    }

    public static string NewCity() => ApiDriver.NewId("city");
}
