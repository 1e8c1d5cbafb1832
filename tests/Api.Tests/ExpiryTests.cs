using System.Net;
using Grains.Abstractions;

namespace Api.Tests;

/// <summary>Hold expiry on a clock the test moves; nothing here waits for wall-clock time.</summary>
public sealed class ExpiryTests(ManualClockApiFactory factory) : IClassFixture<ManualClockApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task ExpiredHoldFreesItsSeatsAndReadsAsExpired()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10, holdTtlSeconds: 60);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 4 });
        Assert.Equal(4, (await AvailabilityAsync(show.Id, buyer)).Held);

        factory.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(new Availability { Capacity = 10, Available = 10, Held = 0, Booked = 0 }, await AvailabilityAsync(show.Id, buyer));
        var seats = await ApiDriver.ReadAsync<SeatList>(await _api.GetAsync($"/events/{show.Id}/seats", buyer), HttpStatusCode.OK);
        Assert.All(seats.Seats, s => Assert.Equal("available", s.Status));
        var expired = await ApiDriver.ReadAsync<HoldView>(await _api.GetAsync($"/events/{show.Id}/holds/{hold.HoldId}", buyer), HttpStatusCode.OK);
        Assert.Equal("expired", expired.Status);
    }

    [Fact]
    public async Task ConfirmAfterExpiryIsRejected()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10, holdTtlSeconds: 30);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 2 });

        factory.Time.Advance(TimeSpan.FromSeconds(31));

        var problem = await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Gone);
        Assert.Contains("expired", problem.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await AvailabilityAsync(show.Id, buyer)).Booked);
    }

    private async Task<Availability> AvailabilityAsync(string eventId, TestUser user) =>
        await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{eventId}/availability", user), HttpStatusCode.OK);
}
