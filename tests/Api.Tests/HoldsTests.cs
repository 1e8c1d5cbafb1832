using System.Net;
using System.Text.Json;
using Grains.Abstractions;

namespace Api.Tests;

public sealed class HoldsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task BestAvailableHoldReturnsTheHoldWithItsLocation()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 2, seatsPerRow: 10);

        var response = await _api.PostAsync($"/events/{show.Id}/holds", buyer, new { quantity = 3 });

        var hold = await ApiDriver.ReadAsync<HoldView>(response, HttpStatusCode.Created);
        Assert.Equal($"/events/{show.Id}/holds/{hold.HoldId}", response.Headers.Location?.OriginalString);
        Assert.Equal(show.Id, hold.EventId);
        Assert.Equal(buyer.Id, hold.UserId);
        Assert.Equal(3, hold.Quantity);
        Assert.Equal(3, hold.Seats.Distinct().Count());
        Assert.Equal("active", hold.Status);
        Assert.True(hold.ExpiresAt > hold.CreatedAt);
    }

    [Fact]
    public async Task HoldThenConfirmGives201ThenTheSameBookingWith200OnRepeat()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 2, seatsPerRow: 10);
        var seats = (await ApiDriver.ReadAsync<SeatList>(await _api.GetAsync($"/events/{show.Id}/seats", buyer), HttpStatusCode.OK)).Seats.Take(2).Select(s => s.Id).ToArray();
        var hold = await _api.HoldAsync(buyer, show.Id, new { seats });

        var first = await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer, new { paymentReference = "pay-1" });
        var repeat = await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer, new { paymentReference = "pay-1" });

        var booking = await ApiDriver.ReadAsync<BookingView>(first, HttpStatusCode.Created);
        Assert.Equal($"/events/{show.Id}/bookings/{booking.BookingId}", first.Headers.Location?.OriginalString);
        Assert.Equal(seats.Order(), booking.Seats.Order());
        Assert.Equal(50m, booking.Total);
        Assert.Equal("EUR", booking.Currency);
        var again = await ApiDriver.ReadAsync<BookingView>(repeat, HttpStatusCode.OK);
        Assert.Equal(booking.BookingId, again.BookingId);

        var read = await ApiDriver.ReadAsync<BookingView>(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}", buyer), HttpStatusCode.OK);
        Assert.Equal(booking.BookingId, read.BookingId);
        var confirmedHold = await ApiDriver.ReadAsync<HoldView>(await _api.GetAsync($"/events/{show.Id}/holds/{hold.HoldId}", buyer), HttpStatusCode.OK);
        Assert.Equal("confirmed", confirmedHold.Status);
    }

    [Fact]
    public async Task ConfirmWithoutABodyBooksTheHold()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 1 });

        await ApiDriver.ReadAsync<BookingView>(await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnotherUsersHoldIsForbidden()
    {
        var organizer = await _api.OrganizerAsync();
        var owner = await _api.BuyerAsync();
        var other = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var hold = await _api.HoldAsync(owner, show.Id, new { quantity = 2 });
        var path = $"/events/{show.Id}/holds/{hold.HoldId}";

        await ApiDriver.ProblemAsync(await _api.GetAsync(path, other), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.PostAsync(path + "/extend", other, new { ttlSeconds = 60 }), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.PostAsync(path + "/confirm", other), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.SendAsync(HttpMethod.Delete, path, other), HttpStatusCode.Forbidden);

        Assert.Equal("active", (await ApiDriver.ReadAsync<HoldView>(await _api.GetAsync(path, owner), HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task SameIdempotencyKeyAndBodyReplaysTheHold()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);

        var first = await _api.PostAsync($"/events/{show.Id}/holds", buyer, new { quantity = 2 }, idempotencyKey: "hold-1");
        var retry = await _api.PostAsync($"/events/{show.Id}/holds", buyer, "{ \"quantity\" : 2 }", idempotencyKey: "hold-1");

        var hold = await ApiDriver.ReadAsync<HoldView>(first, HttpStatusCode.Created);
        Assert.True(retry.IsSuccessStatusCode, $"Got {(int)retry.StatusCode}.");
        var replayed = await ApiDriver.ReadAsync<HoldView>(retry, retry.StatusCode);
        Assert.Equal(hold.HoldId, replayed.HoldId);
        Assert.Equal(hold.Seats, replayed.Seats);
        var availability = await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{show.Id}/availability", buyer), HttpStatusCode.OK);
        Assert.Equal(2, availability.Held);
    }

    [Fact]
    public async Task IdempotencyKeysOfDifferentBuyersNeverCollide()
    {
        var organizer = await _api.OrganizerAsync();
        var first = await _api.BuyerAsync();
        var second = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);

        var a = await ApiDriver.ReadAsync<HoldView>(await _api.PostAsync($"/events/{show.Id}/holds", first, new { quantity = 1 }, idempotencyKey: "checkout-1"), HttpStatusCode.Created);
        var b = await ApiDriver.ReadAsync<HoldView>(await _api.PostAsync($"/events/{show.Id}/holds", second, new { quantity = 1 }, idempotencyKey: "checkout-1"), HttpStatusCode.Created);

        Assert.NotEqual(a.HoldId, b.HoldId);
        Assert.Equal(second.Id, b.UserId);
    }

    [Fact]
    public async Task SameIdempotencyKeyWithAnotherBodyIs422()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        await ApiDriver.ReadAsync<HoldView>(await _api.PostAsync($"/events/{show.Id}/holds", buyer, new { quantity = 2 }, idempotencyKey: "hold-2"), HttpStatusCode.Created);

        var reused = await _api.PostAsync($"/events/{show.Id}/holds", buyer, new { quantity = 3 }, idempotencyKey: "hold-2");

        await ApiDriver.ProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task TakenSeatsAreA409WithTheUnavailableSeats()
    {
        var organizer = await _api.OrganizerAsync();
        var first = await _api.BuyerAsync();
        var second = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var taken = await _api.HoldAsync(first, show.Id, new { quantity = 2 });
        var free = (await ApiDriver.ReadAsync<SeatList>(await _api.GetAsync($"/events/{show.Id}/seats", second), HttpStatusCode.OK))
            .Seats.First(s => s.Status == "available").Id;

        var response = await _api.PostAsync($"/events/{show.Id}/holds", second, new { seats = new[] { taken.Seats[0], free } });

        var problem = await ApiDriver.ProblemAsync(response, HttpStatusCode.Conflict);
        var unavailable = ((JsonElement)problem.Extensions["unavailableSeats"]!).EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal([taken.Seats[0]], unavailable);
        var availability = await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{show.Id}/availability", second), HttpStatusCode.OK);
        Assert.Equal(2, availability.Held);
    }

    [Fact]
    public async Task UnknownSeatIsRefused()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);

        var response = await _api.PostAsync($"/events/{show.Id}/holds", buyer, new { seats = new[] { "Balcony:Z:99" } });

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AvailabilityAndSeatsReflectHoldsAndReleases()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 2, seatsPerRow: 5);

        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 4 });

        var availability = await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{show.Id}/availability", buyer), HttpStatusCode.OK);
        Assert.Equal(new Availability { Capacity = 10, Available = 6, Held = 4, Booked = 0 }, availability);
        var seats = (await ApiDriver.ReadAsync<SeatList>(await _api.GetAsync($"/events/{show.Id}/seats", buyer), HttpStatusCode.OK)).Seats;
        Assert.Equal(10, seats.Count);
        Assert.Equal(hold.Seats.Order(), seats.Where(s => s.Status == "held").Select(s => s.Id).Order());
        Assert.All(seats, s => Assert.Equal(25m, s.Price));

        var release = await _api.SendAsync(HttpMethod.Delete, $"/events/{show.Id}/holds/{hold.HoldId}", buyer);

        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        availability = await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{show.Id}/availability", buyer), HttpStatusCode.OK);
        Assert.Equal(10, availability.Available);
        Assert.Equal("released", (await ApiDriver.ReadAsync<HoldView>(await _api.GetAsync($"/events/{show.Id}/holds/{hold.HoldId}", buyer), HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task ExtendingAHoldMovesItsExpiry()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10, holdTtlSeconds: 60);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 1 });

        var extended = await ApiDriver.ReadAsync<HoldView>(
            await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/extend", buyer, new { ttlSeconds = 600 }), HttpStatusCode.OK);

        Assert.True(extended.ExpiresAt > hold.ExpiresAt);
    }

    [Fact]
    public async Task UnknownHoldIsA404Problem()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/holds/nope", buyer), HttpStatusCode.NotFound);
    }
}
