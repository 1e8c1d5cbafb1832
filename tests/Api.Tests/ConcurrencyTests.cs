using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grains.Abstractions;

namespace Api.Tests;

public sealed class ConcurrencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task TwoThousandConcurrentHoldsNeverOversellAFiveHundredSeatEvent()
    {
        const int capacity = 500;
        const int requests = 2_000;
        var organizer = await _api.OrganizerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 20, seatsPerRow: 25, maxSeatsPerHold: 10);
        var buyers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => _api.BuyerAsync()));

        // All requests start together; each buyer asks ten times for one seat.
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, requests).Select(async i =>
        {
            await start.WaitAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/events/{show.Id}/holds")
            {
                Content = new StringContent("{\"quantity\":1}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", buyers[i % buyers.Length].Token);
            using var response = await _api.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Hold: response.StatusCode == HttpStatusCode.Created ? JsonSerializer.Deserialize<HoldView>(text, ApiDriver.Json) : null, text);
        }).ToList();
        start.Release(requests);
        var results = await Task.WhenAll(tasks);

        var unexpected = results.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).Take(3).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected answers: " + string.Join(" | ", unexpected.Select(r => $"{(int)r.StatusCode} {r.text}")));
        var heldSeats = results.Where(r => r.Hold is not null).SelectMany(r => r.Hold!.Seats).ToList();
        Assert.Equal(capacity, heldSeats.Count);
        Assert.Equal(capacity, heldSeats.Distinct().Count());
        Assert.Equal(requests - capacity, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        var availability = await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{show.Id}/availability", organizer), HttpStatusCode.OK);
        Assert.Equal(new Availability { Capacity = capacity, Available = 0, Held = capacity, Booked = 0 }, availability);
    }
}
