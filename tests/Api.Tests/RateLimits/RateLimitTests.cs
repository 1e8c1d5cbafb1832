using System.Diagnostics;
using System.Net;
using Grains.Abstractions;

namespace Api.Tests.RateLimits;

public sealed class RateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task HoldBurstOfOneUserIsCappedAndTheRestAre429WithRetryAfter()
    {
        var eventId = await OnSaleEventAsync();
        var buyer = factory.User("buyer");

        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _api.PostAsync($"/events/{eventId}/holds", buyer, new { quantity = 1 })));
        var elapsed = clock.Elapsed;

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(50, created + refused.Count);
        // The bucket's size, plus what it refilled while the burst was being answered.
        Assert.InRange(created, 1, RateLimitedApiFactory.Burst + RateLimitedApiFactory.PermitsPerSecond * (int)Math.Ceiling(elapsed.TotalSeconds));
        foreach (var response in refused)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter >= TimeSpan.FromSeconds(1), "A 429 says when to retry, in whole seconds.");
            await ApiDriver.ProblemAsync(response, HttpStatusCode.TooManyRequests);
        }

        // Another buyer has a bucket of their own.
        var other = factory.User("buyer");
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync($"/events/{eventId}/holds", other, new { quantity = 1 })).StatusCode);
    }

    [Fact]
    public async Task ReadsAreNotCountedAsMutations()
    {
        var eventId = await OnSaleEventAsync();
        var buyer = factory.User("buyer");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3 * RateLimitedApiFactory.Burst).Select(_ => _api.GetAsync($"/events/{eventId}/availability", buyer)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task AnonymousRequestsAreLimitedPerAddress()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => AnonymousAsync("203.0.113.7", withBadToken: i % 2 == 0)));

        // Without a valid token: 401 while the address has budget, 429 once it is spent.
        Assert.InRange(responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), 1, 2 * RateLimitedApiFactory.Burst);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(30, refused.Count + responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));

        // Another address is unaffected, and so are signed-in callers from the same address.
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousAsync("203.0.113.8", withBadToken: false)).StatusCode);
        var buyer = factory.User("buyer");
        var signedIn = new HttpRequestMessage(HttpMethod.Get, "/users/me/bookings");
        signedIn.Headers.Authorization = new("Bearer", buyer.Token);
        signedIn.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.OK, (await _api.Http.SendAsync(signedIn)).StatusCode);
    }

    [Fact]
    public async Task HealthProbesAreNeverLimited()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4 * RateLimitedApiFactory.Burst).Select(_ => _api.Http.GetAsync("/health/live")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    private Task<HttpResponseMessage> AnonymousAsync(string address, bool withBadToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/users/me/bookings");
        request.Headers.Add("X-Forwarded-For", address);
        if (withBadToken) request.Headers.Authorization = new("Bearer", "not-a-token");
        return _api.Http.SendAsync(request);
    }

    private async Task<string> OnSaleEventAsync()
    {
        var organizer = factory.User("org", "organizer");
        var response = await _api.PostAsync("/events", organizer, ApiDriver.EventBody(capacity: 1000, maxSeatsPerHold: 100));
        return (await ApiDriver.ReadAsync<EventDetails>(response, HttpStatusCode.Created)).Id;
    }
}
