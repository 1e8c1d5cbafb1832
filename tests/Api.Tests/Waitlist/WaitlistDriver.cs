using System.Net;
using System.Text.Json.Nodes;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests.Waitlist;

/// <summary>Waiting list calls and the sold-out events they need.</summary>
internal sealed class WaitlistDriver(ApiDriver api)
{
    public ApiDriver Api => api;

    /// <summary>An on-sale general-admission event whose every seat <paramref name="holder"/> holds.</summary>
    public async Task<(EventDetails Event, HoldView Hold)> SoldOutAsync(TestUser organizer, TestUser holder, int capacity, int? holdTtlSeconds = null, int? offerSeconds = null)
    {
        var body = ApiDriver.EventBody(capacity: capacity, holdTtlSeconds: holdTtlSeconds);
        body["title"] = "Sold out " + ApiDriver.NewId("t");
        if (offerSeconds is not null) body["waitlistOfferSeconds"] = offerSeconds;
        var show = await ApiDriver.ReadAsync<EventDetails>(await api.PostAsync("/events", organizer, body), HttpStatusCode.Created);
        return (show, await api.HoldAsync(holder, show.Id, new { quantity = capacity }));
    }

    public async Task<WaitlistEntryView> JoinAsync(TestUser buyer, string eventId, int quantity) =>
        await ApiDriver.ReadAsync<WaitlistEntryView>(await api.PostAsync($"/events/{eventId}/waitlist", buyer, new { quantity }), HttpStatusCode.Created);

    public async Task<WaitlistEntryView> MineAsync(TestUser buyer, string eventId) =>
        await ApiDriver.ReadAsync<WaitlistEntryView>(await api.GetAsync($"/events/{eventId}/waitlist/me", buyer), HttpStatusCode.OK);

    public async Task ReleaseAsync(TestUser holder, string eventId, string holdId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Delete, $"/events/{eventId}/holds/{holdId}", holder)).StatusCode);

    /// <summary>A buyer with a profile, so that emails reach them.</summary>
    public async Task<(TestUser User, string Email)> BuyerWithEmailAsync(string firstName)
    {
        var buyer = await api.BuyerAsync();
        var email = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        var profile = new { firstName, lastName = "Waiting", email };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/users", buyer, profile)).StatusCode);
        return (buyer, email);
    }

    public static async Task<IReadOnlyList<JsonNode>> EmailsToAsync(string recipient)
    {
        using var http = new HttpClient();
        var store = JsonNode.Parse(await http.GetStringAsync(new Uri(await LocalAws.SesAsync(), "/store")))!;
        return store["emails"]!.AsArray()
            .Where(e => e!["destination"]!["to"]!.AsArray().Any(t => string.Equals((string?)t, recipient, StringComparison.OrdinalIgnoreCase)))
            .Select(e => e!)
            .ToList();
    }
}
