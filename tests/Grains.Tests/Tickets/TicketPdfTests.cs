using Grains.Tickets;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Grains.Tests.Tickets;

public sealed class TicketPdfTests
{
    private const string EventId = "0f9a3c5e7b2d4f6a8c1e3b5d7f9a2c4e";
    private static readonly TicketKeyPair s_key = TicketKeyPair.Generate();
    private static readonly DateTimeOffset s_now = new(2027, 5, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_start = new(2027, 6, 1, 19, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void PdfHasOnePagePerTicket()
    {
        var tickets = BookingTickets.Of(EventId, 12, ["Stalls:F:14", "Stalls:F:15", "Stalls:F:16"], 3);

        var pdf = TicketPdf.Render(Document("Midsummer Gala", tickets, "Ada Lovelace"), s_now);

        using var parsed = PdfDocument.Open(pdf);
        Assert.Equal(3, parsed.NumberOfPages);
        for (var i = 0; i < 3; i++)
        {
            var text = TextOf(parsed.GetPage(i + 1));
            Assert.Contains("Midsummer Gala", text);
            Assert.Contains($"Section Stalls, row F, seat {14 + i}", text);
            Assert.Contains("Ada Lovelace", text);
            Assert.Contains($"t12-{i + 1}", text);
            Assert.Contains("2027", text);
        }
    }

    [Fact]
    public void GeneralAdmissionPagesSaySo()
    {
        var tickets = BookingTickets.Of(EventId, 5, [], 2);

        using var parsed = PdfDocument.Open(TicketPdf.Render(Document("Open Air", tickets, "Bruno"), s_now));

        Assert.Equal(2, parsed.NumberOfPages);
        Assert.All(parsed.GetPages(), page => Assert.Contains("General admission", TextOf(page)));
    }

    [Fact]
    public void EachPageCarriesTheQrOfItsTicket()
    {
        var tickets = BookingTickets.Of(EventId, 12, ["A:1:1", "A:1:2"], 2);
        var document = Document("Gala", tickets, "Ada");

        using var parsed = PdfDocument.Open(TicketPdf.Render(document, s_now));

        for (var i = 0; i < 2; i++)
        {
            var image = Assert.Single(parsed.GetPage(i + 1).GetImages());
            Assert.True(image.TryGetPng(out var png), "The QR image could not be read back as a PNG.");
            Assert.Equal(document.Tickets[i].Code, QrDecoder.Decode(png));
        }
    }

    [Fact]
    public void LongTitlesAndAccentedNamesAreWritten()
    {
        var title = "Orchestre de chambre de Genève — l'intégrale des symphonies de Beethoven, soirée 3";
        var tickets = BookingTickets.Of(EventId, 1, [], 1);

        using var parsed = PdfDocument.Open(TicketPdf.Render(Document(title, tickets, "Zoë Ødegård"), s_now));

        var text = TextOf(parsed.GetPage(1));
        Assert.Contains("Genève", text);
        Assert.Contains("Zoë Ødegård", text);
    }

    [Fact]
    public void SeatLabelsReadAsSectionRowAndSeat()
    {
        Assert.Equal("Section Upper Circle, row AA, seat 120", SeatLabels.Describe("Upper Circle:AA:120"));
        Assert.Equal("Section A:B, row 1, seat 2", SeatLabels.Describe("A:B:1:2"));
        Assert.Equal("General admission", SeatLabels.Describe(null));
        Assert.Equal("odd", SeatLabels.Describe("odd"));
    }

    // Word by word, as a reader sees it: wrapped lines are drawn without their spaces.
    private static string TextOf(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private static TicketDocument Document(string title, IReadOnlyList<TicketPayload> tickets, string holder) =>
        new(title, s_start, tickets[0].BookingId,
            [.. tickets.Select(t => new PrintedTicket(t.TicketId, t.SeatId is null ? null : SeatLabels.Describe(t.SeatId), holder, TicketCodec.Sign(t, s_key)))]);
}
