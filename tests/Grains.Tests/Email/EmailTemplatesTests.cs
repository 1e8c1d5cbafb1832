using Grains.Abstractions;
using Grains.Email;

namespace Grains.Tests.Email;

/// <summary>What each email says, to whom and about what; pure, no silo.</summary>
public sealed class EmailTemplatesTests
{
    private static readonly DateTimeOffset s_start = new(2027, 3, 4, 19, 30, 0, TimeSpan.FromHours(2));

    private static readonly UserProfile s_ada = new() { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" };

    private static UserBooking Booking(params string[] seats) => new()
    {
        BookingId = "bk-1",
        EventId = "ev-1",
        EventTitle = "Rock & Roll",
        EventStartAt = s_start,
        Seats = seats,
        Quantity = seats.Length == 0 ? 3 : seats.Length,
        Total = 42.5m,
        Currency = "EUR",
        Status = "Confirmed",
        BookedAt = s_start.AddDays(-10),
    };

    [Fact]
    public void ConfirmationNamesTheBookingItsSeatsTotalAndStartInUtc()
    {
        var email = EmailTemplates.BookingConfirmation("u-1", s_ada, Booking("A-1", "A-2"), "https://tickets.example/t.pdf?access=x");

        Assert.Equal(("u-1", "ada@example.com", EmailKinds.BookingConfirmation, "bk-1"), (email.UserId, email.To, email.Kind, email.BookingId));
        Assert.Equal("Booking confirmed: Rock & Roll", email.Subject);
        Assert.Contains("Hi Ada,", email.TextBody);
        Assert.Contains("Seats: A-1, A-2", email.TextBody);
        Assert.Contains("Total: 42.50 EUR", email.TextBody);
        Assert.Contains("on 2027-03-04 17:30 UTC", email.TextBody);
        Assert.Contains("https://tickets.example/t.pdf?access=x", email.TextBody);
        Assert.Contains("<strong>Rock &amp; Roll</strong>", email.HtmlBody);
        Assert.Contains("href=\"https://tickets.example/t.pdf?access=x\"", email.HtmlBody);
    }

    [Fact]
    public void ConfirmationWithoutProfileOrSeatMapGreetsThereAndCountsGeneralAdmission()
    {
        var email = EmailTemplates.BookingConfirmation("u-1", null, Booking());

        Assert.Null(email.To);
        Assert.Contains("Hi there,", email.TextBody);
        Assert.Contains("Seats: 3 general admission", email.TextBody);
        Assert.DoesNotContain("tickets", email.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReminderNamesTheEventStartAndTheBooking()
    {
        var email = EmailTemplates.BookingReminder("u-1", s_ada, Booking("B-7"));

        Assert.Equal((EmailKinds.BookingReminder, "bk-1"), (email.Kind, email.BookingId));
        Assert.Equal("Reminder: Rock & Roll starts soon", email.Subject);
        Assert.Contains("Rock & Roll starts on 2027-03-04 17:30 UTC.", email.TextBody);
        Assert.Contains("Booking: bk-1", email.TextBody);
        Assert.Contains("Seats: B-7", email.TextBody);
    }

    [Fact]
    public void WaitlistOfferNamesTheHeldSeatsTheHoldAndUntilWhen()
    {
        var offer = new EngagementMessage
        {
            Id = "m-1",
            Kind = EngagementKind.WaitlistOffer,
            EventId = "ev-1",
            EventTitle = "Rock & Roll",
            EventStartAt = s_start,
            Quantity = 2,
            HoldId = "h-9",
            ExpiresAt = s_start.AddDays(-1),
            OccurredAt = s_start.AddDays(-2),
        };

        var email = EmailTemplates.WaitlistOffer("u-1", s_ada, offer);

        Assert.Equal(("ada@example.com", EmailKinds.WaitlistOffer, null), (email.To, email.Kind, email.BookingId));
        Assert.Equal("Seats are waiting for you: Rock & Roll", email.Subject);
        Assert.Contains("Hi Ada,", email.TextBody);
        Assert.Contains("until 2027-03-03 17:30 UTC: 2 general admission.", email.TextBody);
        Assert.Contains("Confirm hold h-9", email.TextBody);
        Assert.Contains("<strong>h-9</strong>", email.HtmlBody);
    }
}
