using System.Net;
using System.Text.Json;
using Grains.Abstractions;
using Grains.Tests.Tickets;
using Grains.Tickets;
using UglyToad.PdfPig;

namespace Api.Tests.Tickets;

public sealed class TicketsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiDriver _api = factory.CreateDriver();

    [Fact]
    public async Task EverySeatOfAConfirmedBookingHasAValidTicket()
    {
        var (organizer, buyer, show, booking) = await BookedAsync(3);

        var tickets = await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId);

        Assert.Equal(booking.Seats.Order(), tickets.Items.Select(t => t.SeatId!).Order());
        Assert.All(tickets.Items, t => Assert.Equal(TicketStatuses.Valid, t.Status));
        Assert.Equal(3, tickets.Items.Select(t => t.TicketId).Distinct().Count());
        // The same booking always yields the same codes (Ed25519 signatures are deterministic).
        Assert.Equal(tickets.Items, (await TicketFlow.TicketsAsync(_api, organizer, show.Id, booking.BookingId)).Items);
    }

    [Fact]
    public async Task AGeneralAdmissionBookingHasOneTicketPerUnitWithoutASeat()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await TicketFlow.GeneralAdmissionEventAsync(_api, organizer, capacity: 50);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, 4);

        var tickets = await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId);

        Assert.Equal(4, tickets.Items.Count);
        Assert.All(tickets.Items, t => Assert.Null(t.SeatId));
    }

    [Fact]
    public async Task AScannerHoldingOnlyThePublicKeyVerifiesACodeOffline()
    {
        var (organizer, buyer, show, booking) = await BookedAsync(1);
        var code = (await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId)).Items[0].Code;

        var key = await ApiDriver.ReadAsync<JsonElement>(await _api.GetAsync($"/events/{show.Id}/ticket-key", organizer), HttpStatusCode.OK);

        Assert.Equal("Ed25519", key.GetProperty("algorithm").GetString());
        Assert.True(TicketPublicKey.TryParse(key.GetProperty("publicKey").GetString(), out var publicKey));
        var verified = Assert.IsType<TicketVerification.Valid>(TicketCodec.Verify(code, show.Id, publicKey));
        Assert.Equal(booking.BookingId, verified.Ticket.BookingId);
        Assert.Equal(booking.Seats[0], verified.Ticket.SeatId);
        Assert.DoesNotContain("private", key.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheQrImageDecodesBackToTheCode()
    {
        var (_, buyer, show, booking) = await BookedAsync(2);
        var ticket = (await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId)).Items[1];

        var response = await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets/{ticket.TicketId}/qr", buyer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ticket.Code, QrDecoder.Decode(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task TheQrOfATicketTheBookingDoesNotHaveIsNotFound()
    {
        var (_, buyer, show, booking) = await BookedAsync(1);

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets/t99-1/qr", buyer), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThePdfHasOnePagePerTicketWithEventSeatAndHolder()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        Assert.Equal(HttpStatusCode.Created, (await _api.PostAsync("/users", buyer, new { firstName = "Ana", lastName = "Lima", email = $"{buyer.Id}@example.com" })).StatusCode);
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, 3);

        var response = await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets.pdf", buyer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pdf.NumberOfPages);
        var tickets = await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId);
        for (var page = 1; page <= 3; page++)
        {
            // PdfPig's word splitting varies with glyph spacing (it reads "A show" as "Ashow"), so spaces are not compared.
            var text = Squeeze(pdf.GetPage(page).Text);
            Assert.Contains(Squeeze(show.Title), text);
            Assert.Contains("AnaLima", text);
            Assert.Contains(Squeeze(SeatLabels.Describe(tickets.Items[page - 1].SeatId)), text);
            Assert.Contains(tickets.Items[page - 1].TicketId, text);
        }
    }

    [Fact]
    public async Task TicketsOfACancelledBookingAreCancelled()
    {
        var (_, buyer, show, booking) = await BookedAsync(2);
        await TicketFlow.CancelAsync(_api, buyer, show.Id, booking.BookingId);

        var tickets = await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId);

        Assert.All(tickets.Items, t => Assert.Equal(TicketStatuses.Cancelled, t.Status));
    }

    [Fact]
    public async Task NoPrintableTicketOfACancelledBookingIsServed()
    {
        var (_, buyer, show, booking) = await BookedAsync(2);
        var ticket = (await TicketFlow.TicketsAsync(_api, buyer, show.Id, booking.BookingId)).Items[0];
        await TicketFlow.CancelAsync(_api, buyer, show.Id, booking.BookingId);

        var pdf = await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets.pdf", buyer), HttpStatusCode.Gone);
        var qr = await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets/{ticket.TicketId}/qr", buyer), HttpStatusCode.Gone);

        Assert.Equal(("Booking cancelled", "Booking cancelled"), (pdf.Title, qr.Title));
    }

    [Fact]
    public async Task AnotherBuyerCannotReadSomeonesTickets()
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var other = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        var booking = await TicketFlow.BookAsync(_api, buyer, show.Id, 1);

        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets", other), HttpStatusCode.Forbidden);
        await ApiDriver.ProblemAsync(await _api.GetAsync($"/events/{show.Id}/bookings/{booking.BookingId}/tickets.pdf", other), HttpStatusCode.Forbidden);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>An organizer's seated event (one row of 10 seats) and a buyer's confirmed booking of <paramref name="seats"/> seats on it.</summary>
    private async Task<(TestUser Organizer, TestUser Buyer, EventDetails Show, BookingView Booking)> BookedAsync(int seats)
    {
        var organizer = await _api.OrganizerAsync();
        var buyer = await _api.BuyerAsync();
        var show = await _api.CreateSeatedEventAsync(organizer, rows: 1, seatsPerRow: 10);
        return (organizer, buyer, show, await TicketFlow.BookAsync(_api, buyer, show.Id, seats));
    }
}
