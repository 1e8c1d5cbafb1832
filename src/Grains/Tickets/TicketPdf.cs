using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Grains.Tickets;

/// <summary>A booking's tickets as a PDF, one A4 page per ticket: event, start, seat, holder and the QR code.</summary>
public static class TicketPdf
{
    private const double Margin = 56;
    private const double QrSize = 260;

    public static byte[] Render(TicketDocument document, DateTimeOffset now)
    {
        if (document.Tickets.Count == 0)
        {
            throw new ArgumentException($"Booking {document.BookingId} has no tickets to print.", nameof(document));
        }

        TicketFonts.Register();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{document.EventTitle} – tickets {document.BookingId}";
        pdf.Info.Creator = "Seat booking engine";
        // PDFsharp would stamp the machine's clock; the caller's time keeps documents reproducible.
        pdf.Info.CreationDate = now.UtcDateTime;
        pdf.Info.ModificationDate = now.UtcDateTime;

        var title = new XFont(TicketFonts.Family, 22, XFontStyleEx.Bold);
        var heading = new XFont(TicketFonts.Family, 16, XFontStyleEx.Bold);
        var body = new XFont(TicketFonts.Family, 12, XFontStyleEx.Regular);
        var small = new XFont(TicketFonts.Family, 8, XFontStyleEx.Regular);
        var start = document.StartAt.ToString("dddd d MMMM yyyy, HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

        for (var i = 0; i < document.Tickets.Count; i++)
        {
            var ticket = document.Tickets[i];
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;

            new XTextFormatter(gfx).DrawString(document.EventTitle, title, XBrushes.Black, new XRect(Margin, y, width, 60), XStringFormats.TopLeft);
            y += 70;
            gfx.DrawString(start, body, XBrushes.Black, new XRect(Margin, y, width, 18), XStringFormats.TopLeft);
            y += 36;
            gfx.DrawString(ticket.Seat ?? SeatLabels.GeneralAdmission, heading, XBrushes.Black, new XRect(Margin, y, width, 24), XStringFormats.TopLeft);
            y += 30;
            gfx.DrawString(ticket.HolderName, body, XBrushes.Black, new XRect(Margin, y, width, 18), XStringFormats.TopLeft);
            y += 36;

            using (var png = new MemoryStream(TicketQr.Bmp(ticket.Code)))
            using (var qr = XImage.FromStream(png))
            {
                gfx.DrawImage(qr, Margin + (width - QrSize) / 2, y, QrSize, QrSize);
            }

            y += QrSize + 16;
            var footer = $"Ticket {ticket.TicketId} · booking {document.BookingId} · {i + 1} of {document.Tickets.Count}";
            gfx.DrawString(footer, small, XBrushes.Gray, new XRect(Margin, y, width, 12), XStringFormats.TopCenter);
        }

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }
}
