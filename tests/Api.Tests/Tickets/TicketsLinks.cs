using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TestKit;

namespace Api.Tests.Tickets;

/// <summary>A booking's tickets link, read from its confirmation email as SES local received it.</summary>
internal static partial class TicketsLinks
{
    /// <summary>Email:TrackingBaseUrl's default: the API's public base in the emails.</summary>
    public const string PublicBaseUrl = "http://localhost:8080";

    /// <summary>The confirmation email of <paramref name="bookingId"/> sent to <paramref name="recipient"/>, once SES has it.</summary>
    public static async Task<JsonNode> ConfirmationEmailAsync(string recipient, string bookingId)
    {
        JsonNode? email = null;
        await Eventually.WaitUntilAsync(
            async () => (email = (await EmailsToAsync(recipient)).FirstOrDefault(e =>
                ((string?)e["subject"])?.StartsWith("Booking confirmed", StringComparison.Ordinal) == true
                && ((string?)e["body"]!["text"])?.Contains(bookingId, StringComparison.Ordinal) == true)) is not null,
            $"the confirmation email of booking {bookingId} reaches SES");
        return email!;
    }

    /// <summary>The tickets link in an email's text body.</summary>
    public static string LinkIn(JsonNode email)
    {
        var match = Link().Match((string?)email["body"]!["text"] ?? "");
        Assert.True(match.Success, $"No tickets link in: {(string?)email["body"]!["text"]}");
        return match.Value;
    }

    /// <summary>The booking's tickets link, from its confirmation email.</summary>
    public static async Task<string> OfAsync(string recipient, string bookingId) => LinkIn(await ConfirmationEmailAsync(recipient, bookingId));

    /// <summary>The link as a request path on the test server.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    public static string AccessOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("?access=", StringComparison.Ordinal) + "?access=".Length)..]);

    private static async Task<IReadOnlyList<JsonNode>> EmailsToAsync(string recipient)
    {
        using var http = new HttpClient();
        var store = JsonNode.Parse(await http.GetStringAsync(new Uri(await LocalAws.SesAsync(), "/store")))!;
        return store["emails"]!.AsArray()
            .Where(e => e!["destination"]!["to"]!.AsArray().Any(t => string.Equals((string?)t, recipient, StringComparison.OrdinalIgnoreCase)))
            .Select(e => e!)
            .ToList();
    }

    [GeneratedRegex(@"https?://\S+/tickets\.pdf\?access=[A-Za-z0-9_%-]+")]
    private static partial Regex Link();
}
