using System.Net;
using Grains.Abstractions;

namespace Api.Tests.Tickets;

/// <summary>Steps shared by the ticket and check-in tests: a confirmed booking and its tickets.</summary>
internal static class TicketFlow
{
    public static async Task<BookingView> BookAsync(ApiDriver api, TestUser buyer, string eventId, int quantity)
    {
        var hold = await api.HoldAsync(buyer, eventId, new { quantity });
        return await ApiDriver.ReadAsync<BookingView>(await api.PostAsync($"/events/{eventId}/holds/{hold.HoldId}/confirm", buyer), HttpStatusCode.Created);
    }

    /// <summary>Cancels a booking as <paramref name="user"/>, who must be allowed to (200).</summary>
    public static async Task CancelAsync(ApiDriver api, TestUser user, string eventId, string bookingId) =>
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/events/{eventId}/bookings/{bookingId}/cancel", user)).StatusCode);

    public static async Task<BookingTicketList> TicketsAsync(ApiDriver api, TestUser user, string eventId, string bookingId) =>
        await ApiDriver.ReadAsync<BookingTicketList>(await api.GetAsync($"/events/{eventId}/bookings/{bookingId}/tickets", user), HttpStatusCode.OK);

    public static async Task<EventDetails> GeneralAdmissionEventAsync(ApiDriver api, TestUser organizer, int capacity)
    {
        var response = await api.PostAsync("/events", organizer, ApiDriver.EventBody(capacity: capacity));
        return await ApiDriver.ReadAsync<EventDetails>(response, HttpStatusCode.Created);
    }
}
