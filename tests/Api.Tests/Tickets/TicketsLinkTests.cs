using System.Net;
using Grains.Abstractions;
using UglyToad.PdfPig;

namespace Api.Tests.Tickets;

/// <summary>The confirmation email's tickets link: the PDF for whoever follows it, no bearer token needed.</summary>
public sealed class TicketsLinkTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task TheConfirmationEmailLinksToTheBookingsTicketsPdf()
    {
        var (show, booking, email, _) = await BookWithEmailAsync(quantity: 2);

        var confirmation = await TicketsLinks.ConfirmationEmailAsync(email, booking.BookingId);

        var link = TicketsLinks.LinkIn(confirmation);
        Assert.StartsWith($"{TicketsLinks.PublicBaseUrl}/events/{show.Id}/bookings/{booking.BookingId}/tickets.pdf?access=", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", (string?)confirmation["body"]!["html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowingTheLinkWithoutABearerTokenGivesThePdfWithOnePagePerTicket()
    {
        var (show, booking, email, organizer) = await BookWithEmailAsync(quantity: 3);
        var link = await TicketsLinks.OfAsync(email, booking.BookingId);

        var response = await _api.GetAsync(TicketsLinks.PathOf(link), user: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "a link's PDF is kept by no cache");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pdf.NumberOfPages);
        var tickets = await TicketFlow.TicketsAsync(_api, organizer, show.Id, booking.BookingId);
        for (var page = 1; page <= 3; page++) Assert.Contains(tickets.Items[page - 1].TicketId, pdf.GetPage(page).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlteredLinkIsRefusedAsForged()
    {
        var (show, booking, email, _) = await BookWithEmailAsync(quantity: 1);
        var access = TicketsLinks.AccessOf(await TicketsLinks.OfAsync(email, booking.BookingId));
        // A character of the signature, not the last one, whose spare bits would make it non-canonical.
        var at = access.Length - 10;
        var altered = access[..at] + (access[at] == 'A' ? 'B' : 'A') + access[(at + 1)..];

        var problem = await ApiDriver.ProblemAsync(await _api.GetAsync(PdfPath(show.Id, booking.BookingId, altered), user: null), HttpStatusCode.Forbidden);

        Assert.Equal("Forged or altered tickets link", problem.Title);
    }

    [Fact]
    public async Task ALinkOfAnotherBookingOrEventIsRefusedNamingWhich()
    {
        var (show, booking, email, _) = await BookWithEmailAsync(quantity: 1);
        var (otherShow, otherEventsBooking, otherEmail, _) = await BookWithEmailAsync(quantity: 1);
        var neighbour = await TicketFlow.BookAsync(_api, await _api.BuyerAsync(), show.Id, 1);
        var access = TicketsLinks.AccessOf(await TicketsLinks.OfAsync(email, booking.BookingId));

        var otherBooking = await ApiDriver.ProblemAsync(await _api.GetAsync(PdfPath(show.Id, neighbour.BookingId, access), user: null), HttpStatusCode.Forbidden);
        var otherEvent = await ApiDriver.ProblemAsync(await _api.GetAsync(PdfPath(otherShow.Id, otherEventsBooking.BookingId, access), user: null), HttpStatusCode.Forbidden);

        Assert.Equal("Tickets link of another booking", otherBooking.Title);
        Assert.Contains(booking.BookingId, otherBooking.Detail, StringComparison.Ordinal);
        Assert.Equal("Tickets link of another event", otherEvent.Title);
        // The other event's own link still opens its own booking.
        var own = await _api.GetAsync(TicketsLinks.PathOf(await TicketsLinks.OfAsync(otherEmail, otherEventsBooking.BookingId)), user: null);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task TextThatIsNoAccessTokenIsABadRequest()
    {
        var organizer = await _api.OrganizerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, await _api.BuyerAsync(), show.Id, 1);

        var problem = await ApiDriver.ProblemAsync(await _api.GetAsync(PdfPath(show.Id, booking.BookingId, "not-a-token"), user: null), HttpStatusCode.BadRequest);

        Assert.Equal("Malformed tickets link", problem.Title);
    }

    [Fact]
    public async Task TheLinkOfACancelledBookingIsGone()
    {
        var (show, booking, email, organizer) = await BookWithEmailAsync(quantity: 2);
        var link = await TicketsLinks.OfAsync(email, booking.BookingId);
        await TicketFlow.CancelAsync(_api, organizer, show.Id, booking.BookingId);

        var problem = await ApiDriver.ProblemAsync(await _api.GetAsync(TicketsLinks.PathOf(link), user: null), HttpStatusCode.Gone);

        Assert.Equal("Booking cancelled", problem.Title);
    }

    [Fact]
    public async Task WithoutALinkOrABearerTokenThePdfAsksForABearerToken()
    {
        var organizer = await _api.OrganizerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, await _api.BuyerAsync(), show.Id, 1);

        var response = await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets.pdf", user: null);

        await ApiDriver.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    /// <summary>A seated event of a fresh organizer and a booking of a buyer with a profile (so an email goes out).</summary>
    private async Task<(EventDetails Show, BookingView Booking, string Email, TestUser Organizer)> BookWithEmailAsync(int quantity)
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var email = $"{buyer.Id}@example.com";
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/users", buyer, new { firstName = "Ana", lastName = "Lima", email })).StatusCode);
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        return (show, await TicketFlow.BookAsync(_api, buyer, show.Id, quantity), email, organizer);
    }

    private static string PdfPath(string eventId, string bookingId, string access) =>
        $"/events/{eventId}/bookings/{bookingId}/tickets.pdf?access={Uri.EscapeDataString(access)}";
}
