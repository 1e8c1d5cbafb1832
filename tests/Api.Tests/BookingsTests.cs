using System.Net;
using System.Text.Json;
using Grains.Abstractions;
using TestKit;

namespace Api.Tests;

public sealed class BookingsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task MyBookingsStartEmpty()
    {
        var buyer = await _api.BuyerAsync();

        var body = await ApiDriver.ReadAsync<JsonElement>(await _api.GetAsync("/users/me/bookings", buyer), HttpStatusCode.OK);

        Assert.Equal(0, body.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    public async Task MyBookingsListsAConfirmedBooking()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 2 });
        var booking = await ApiDriver.ReadAsync<BookingView>(await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Created);

        // The event grain delivers the booking to the user grain through its outbox, after answering.
        UserBooking[] mine = [];
        await Eventually.WaitUntilAsync(async () =>
        {
            mine = await MyBookingsAsync(buyer);
            return mine.Length == 1;
        }, "the booking reaches the buyer's booking index");

        Assert.Equal(booking.BookingId, mine[0].BookingId);
        Assert.Equal(show.Id, mine[0].EventId);
        Assert.Equal(show.Title, mine[0].EventTitle);
        Assert.Equal(booking.Seats.Order(), mine[0].Seats.Order());
        Assert.Empty(await MyBookingsAsync(organizer));
    }

    [Fact]
    public async Task CancellingABookingReturnsItsSeats()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 3 });
        var booking = await ApiDriver.ReadAsync<BookingView>(await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Created);
        Assert.Equal(3, (await AvailabilityAsync(show.Id, buyer)).Booked);

        var cancelled = await ApiDriver.ReadAsync<BookingView>(await _api.PostAsync($"/events/{show.Id}/bookings/{booking.BookingId}/cancel", buyer), HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal(new Availability { Capacity = 10, Available = 10, Held = 0, Booked = 0 }, await AvailabilityAsync(show.Id, buyer));
    }

    [Fact]
    public async Task AnotherBuyerCannotReadOrCancelMyBooking()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var other = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var hold = await _api.HoldAsync(buyer, show.Id, new { quantity = 1 });
        var booking = await ApiDriver.ReadAsync<BookingView>(await _api.PostAsync($"/events/{show.Id}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Created);

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}", other), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.PostAsync($"/events/{show.Id}/bookings/{booking.BookingId}/cancel", other), HttpStatusCode.Forbidden);
        await ApiDriver.ReadAsync<BookingView>(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}", organizer), HttpStatusCode.OK);
    }

    private async Task<UserBooking[]> MyBookingsAsync(TestUser user)
    {
        var body = await ApiDriver.ReadAsync<JsonElement>(await _api.GetAsync("/users/me/bookings", user), HttpStatusCode.OK);
        return body.GetProperty("bookings").Deserialize<UserBooking[]>(ApiDriver.Json)!;
    }

    private async Task<Availability> AvailabilityAsync(string eventId, TestUser user) =>
        await ApiDriver.ReadAsync<Availability>(await _api.GetAsync($"/events/{eventId}/availability", user), HttpStatusCode.OK);
}
