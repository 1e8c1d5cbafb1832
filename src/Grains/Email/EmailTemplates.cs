using System.Globalization;
using System.Net;
using Grains.Abstractions;

namespace Grains.Email;

/// <summary>Subjects and bodies (text and HTML) of the emails the engine sends.</summary>
public static class EmailTemplates
{
    public static string BookingEmailId(string bookingId) => "booking-" + bookingId;

    public static string BookingReminderEmailId(string bookingId) => "booking-reminder-" + bookingId;

    public static string CampaignEmailId(string campaignId, string userId) => $"campaign-{campaignId}-{userId}";

    public static string WaitlistOfferEmailId(string eventId, string holdId) => $"waitlist-offer-{eventId}-{holdId}";

    /// <summary>The confirmation; <paramref name="ticketsUrl"/> (see <see cref="TicketsUrl"/>) links to the tickets PDF when the event signed one.</summary>
    public static EmailRequest BookingConfirmation(string userId, UserProfile? profile, UserBooking booking, string? ticketsUrl = null)
    {
        var (name, seats, when) = Greeting(profile, booking.Seats, booking.Quantity, booking.EventStartAt);
        var total = booking.Total.ToString("0.00", CultureInfo.InvariantCulture) + " " + booking.Currency;
        var text = $"""
            Hi {name},

            your booking {booking.BookingId} for {booking.EventTitle} on {when} is confirmed.
            Seats: {seats}
            Total: {total}
            {TicketsText(ticketsUrl)}
            See you there!
            """;
        var html = $"""
            <html><body>
            <p>Hi {Encode(name)},</p>
            <p>your booking <strong>{Encode(booking.BookingId)}</strong> for <strong>{Encode(booking.EventTitle)}</strong> on {Encode(when)} is confirmed.</p>
            <p>Seats: {Encode(seats)}<br>Total: {Encode(total)}</p>
            {TicketsHtml(ticketsUrl)}<p>See you there!</p>
            </body></html>
            """;
        return ToUser(userId, profile, $"Booking confirmed: {booking.EventTitle}", text, html, EmailKinds.BookingConfirmation, booking.BookingId);
    }

    public static EmailRequest BookingReminder(string userId, UserProfile? profile, UserBooking booking, string? ticketsUrl = null)
    {
        var (name, seats, when) = Greeting(profile, booking.Seats, booking.Quantity, booking.EventStartAt);
        var text = $"""
            Hi {name},

            {booking.EventTitle} starts on {when}.
            Booking: {booking.BookingId}
            Seats: {seats}
            {TicketsText(ticketsUrl)}
            See you there!
            """;
        var html = $"""
            <html><body>
            <p>Hi {Encode(name)},</p>
            <p><strong>{Encode(booking.EventTitle)}</strong> starts on {Encode(when)}.</p>
            <p>Booking: {Encode(booking.BookingId)}<br>Seats: {Encode(seats)}</p>
            {TicketsHtml(ticketsUrl)}<p>See you there!</p>
            </body></html>
            """;
        return ToUser(userId, profile, $"Reminder: {booking.EventTitle} starts soon", text, html, EmailKinds.BookingReminder, booking.BookingId);
    }

    public static EmailRequest Campaign(string campaignId, string userId, UserView? user, string subject, string message) => new()
    {
        UserId = userId,
        To = user?.Email,
        Subject = subject,
        TextBody = message,
        HtmlBody = "<html><body>" + string.Concat(
            message.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(p => "<p>" + Encode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>")) + "</body></html>",
        Kind = EmailKinds.Campaign,
        CampaignId = campaignId,
    };

    /// <summary>Seats came back and are held for a waiting buyer until the offer expires.</summary>
    public static EmailRequest WaitlistOffer(string userId, UserProfile? profile, EngagementMessage offer)
    {
        var (name, seats, when) = Greeting(profile, offer.Seats, offer.Quantity, offer.EventStartAt);
        var until = offer.ExpiresAt is { } expiresAt ? Moment(expiresAt) : "soon";
        var text = $"""
            Hi {name},

            seats for {offer.EventTitle} on {when} came back, and you are next on the waiting list.
            They are held for you until {until}: {seats}.
            Confirm hold {offer.HoldId} before then to book them; after that they go to the next person waiting.
            """;
        var html = $"""
            <html><body>
            <p>Hi {Encode(name)},</p>
            <p>seats for <strong>{Encode(offer.EventTitle)}</strong> on {Encode(when)} came back, and you are next on the waiting list.</p>
            <p>They are held for you until <strong>{Encode(until)}</strong>: {Encode(seats)}.</p>
            <p>Confirm hold <strong>{Encode(offer.HoldId ?? "")}</strong> before then to book them; after that they go to the next person waiting.</p>
            </body></html>
            """;
        return ToUser(userId, profile, $"Seats are waiting for you: {offer.EventTitle}", text, html, EmailKinds.WaitlistOffer);
    }

    /// <summary>
    /// The tickets link of a booking's emails: the API's tickets PDF, opened with the access token the
    /// event signed instead of a bearer token, since a mail client has none.
    /// </summary>
    public static string TicketsUrl(string publicBaseUrl, UserBooking booking, string access) =>
        $"{publicBaseUrl.TrimEnd('/')}/events/{Uri.EscapeDataString(booking.EventId)}/bookings/{Uri.EscapeDataString(booking.BookingId)}/tickets.pdf?access={Uri.EscapeDataString(access)}";

    // Each ends with the line break that separates it from the closing line; nothing without a link.
    private static string TicketsText(string? url) => url is null ? "" : $"Your tickets (PDF, one page per ticket): {url}\n";

    private static string TicketsHtml(string? url) => url is null ? "" : $"<p><a href=\"{Encode(url)}\">Your tickets (PDF, one page per ticket)</a></p>\n";

    /// <summary>How an email about seats addresses the user and names the seats and the start.</summary>
    private static (string Name, string Seats, string When) Greeting(UserProfile? profile, IReadOnlyList<string> seats, int quantity, DateTimeOffset startAt) => (
        profile is null ? "there" : profile.FirstName,
        seats.Count > 0 ? string.Join(", ", seats) : $"{quantity} general admission",
        Moment(startAt));

    private static EmailRequest ToUser(string userId, UserProfile? profile, string subject, string text, string html, string kind, string? bookingId = null) => new()
    {
        UserId = userId,
        To = profile?.Email,
        Subject = subject,
        TextBody = text,
        HtmlBody = html,
        Kind = kind,
        BookingId = bookingId,
    };

    private static string Moment(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
