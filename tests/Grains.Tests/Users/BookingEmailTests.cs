using Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using TestKit;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Users;

public sealed class BookingEmailTests
{
    [Fact]
    public async Task ConfirmationEmailArrivesAtSes()
    {
        await using var silo = await StartAsync();
        var userId = NewId("buyer");
        var email = NewEmail("buyer");
        var user = silo.GrainFactory.GetGrain<IUserGrain>(userId);
        await user.Create(Messages.Profile("Barbara", "Liskov", email));
        var bookingId = NewId("ev-1-b");

        await user.Apply(Messages.Confirmed("ev-1", bookingId));

        var tracking = silo.GrainFactory.GetGrain<IEmailGrain>("booking-" + bookingId);
        await Eventually.WaitUntilAsync(async () => (await tracking.GetStatus())?.Status == EmailStatuses.Sent, "the confirmation is sent");
        var received = Assert.Single(await SesEmailsToAsync(email));
        Assert.Equal("Booking confirmed: Show ev-1", (string?)received["subject"]);
        Assert.Contains(bookingId, (string?)received["body"]!["text"], StringComparison.Ordinal);
        var html = (string?)received["body"]!["html"];
        Assert.Contains($"http://tracking.test/track/open?emailId=booking-{bookingId}", html, StringComparison.Ordinal);
        var status = (await tracking.GetStatus())!;
        Assert.Equal(userId, status.UserId);
        Assert.Equal(email, status.Recipient);
        Assert.Equal(1, status.Attempts);
        Assert.False(string.IsNullOrEmpty(status.SesMessageId));
        Assert.Equal(1, (await user.GetCounters()).EmailsSent);
    }

    [Fact]
    public async Task RetriedConfirmationSendsExactlyOneEmail()
    {
        await using var silo = await StartAsync();
        var email = NewEmail("retry");
        var user = silo.GrainFactory.GetGrain<IUserGrain>(NewId("buyer"));
        await user.Create(Messages.Profile("Edsger", "Dijkstra", email));
        var confirmed = Messages.Confirmed("ev-2", NewId("ev-2-b"));

        // The event grain's outbox delivers at least once: concurrently, and again later.
        var first = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => user.Apply(confirmed)));
        var tracking = silo.GrainFactory.GetGrain<IEmailGrain>("booking-" + confirmed.BookingId);
        await Eventually.WaitUntilAsync(async () => (await tracking.GetStatus())?.Status == EmailStatuses.Sent, "the confirmation is sent");
        var again = await user.Apply(confirmed);
        // A duplicate send request straight to the email grain is answered from its record.
        var resent = await tracking.Send(Grains.Email.EmailTemplates.BookingConfirmation(confirmed.BookingId!, null, (await user.GetBookings())[0]));

        Assert.Equal(1, first.Count(applied => applied));
        Assert.False(again);
        Assert.Equal(EmailStatuses.Sent, resent.Status);
        Assert.Single(await SesEmailsToAsync(email));
        Assert.Equal(1, (await user.GetEmailStats()).Sent);
    }

    [Fact]
    public async Task BookingWhoseEmailWentOutBeforeACrashIsIndexedOnRedeliveryWithoutASecondEmail()
    {
        await using var silo = await StartAsync();
        var email = NewEmail("redelivered");
        var userId = NewId("buyer");
        var user = silo.GrainFactory.GetGrain<IUserGrain>(userId);
        await user.Create(Messages.Profile("Butler", "Lampson", email));
        var confirmed = Messages.Confirmed("ev-4", NewId("ev-4-b"));
        // What a delivery that died after the email and before the user's write leaves behind: the email only.
        var booking = new UserBooking
        {
            BookingId = confirmed.BookingId!, EventId = confirmed.EventId, EventTitle = confirmed.EventTitle, EventStartAt = confirmed.EventStartAt,
            Seats = confirmed.Seats, Quantity = confirmed.Quantity, Total = confirmed.Total, Currency = confirmed.Currency, Status = "confirmed", BookedAt = confirmed.OccurredAt,
        };
        var profile = (await user.Get())!;
        await silo.GrainFactory.GetGrain<IEmailGrain>("booking-" + confirmed.BookingId).Send(Grains.Email.EmailTemplates.BookingConfirmation(
            userId, Messages.Profile(profile.FirstName, profile.LastName, email), booking));

        Assert.True(await user.Apply(confirmed));

        Assert.Equal(confirmed.BookingId, Assert.Single(await user.GetBookings()).BookingId);
        Assert.Single(await SesEmailsToAsync(email));
        Assert.Equal(1, (await user.GetEmailStats()).Sent);
    }

    [Fact]
    public async Task ConfirmationEmailIsSentOnceAfterASiloRestart()
    {
        var prefix = TestSilo.NewTablePrefix();
        var email = NewEmail("restart");
        var userId = NewId("buyer");
        var confirmed = Messages.Confirmed("ev-3", NewId("ev-3-b"));
        await using (var first = await StartAsync(prefix))
        {
            var user = first.GrainFactory.GetGrain<IUserGrain>(userId);
            await user.Create(Messages.Profile("Leslie", "Lamport", email));
            await user.Apply(confirmed);
            var tracking = first.GrainFactory.GetGrain<IEmailGrain>("booking-" + confirmed.BookingId);
            await Eventually.WaitUntilAsync(async () => (await tracking.GetStatus())?.Status == EmailStatuses.Sent, "the confirmation is sent");
        }

        await using var second = await StartAsync(prefix);
        Assert.False(await second.GrainFactory.GetGrain<IUserGrain>(userId).Apply(confirmed));
        await second.GrainFactory.GetGrain<IEmailGrain>("booking-" + confirmed.BookingId).Send(
            Grains.Email.EmailTemplates.BookingConfirmation(userId, null, (await second.GrainFactory.GetGrain<IUserGrain>(userId).GetBookings())[0]));

        Assert.Single(await SesEmailsToAsync(email));
    }

    [Fact]
    public async Task OpenPixelMarksOpenedOnce()
    {
        await using var silo = await StartAsync();
        var user = silo.GrainFactory.GetGrain<IUserGrain>(NewId("reader"));
        await user.Create(Messages.Profile("Donald", "Knuth", NewEmail("reader")));
        var confirmed = Messages.Confirmed("ev-4", NewId("ev-4-b"));
        await user.Apply(confirmed);
        var tracking = silo.GrainFactory.GetGrain<IEmailGrain>("booking-" + confirmed.BookingId);
        await Eventually.WaitUntilAsync(async () => (await tracking.GetStatus())?.Status == EmailStatuses.Sent, "the confirmation is sent");

        var firstOpen = await tracking.MarkOpened();
        var secondOpen = await tracking.MarkOpened();

        Assert.True(firstOpen);
        Assert.False(secondOpen);
        var status = (await tracking.GetStatus())!;
        Assert.Equal(EmailStatuses.Opened, status.Status);
        Assert.NotNull(status.OpenedAt);
        Assert.False(await silo.GrainFactory.GetGrain<IEmailGrain>("no-such-email").MarkOpened());
        var stats = await user.GetEmailStats();
        Assert.Equal(1, stats.Opened);
        Assert.Equal(1, stats.Sent);
        Assert.Equal(1, (await user.GetCounters()).EmailsOpened);
    }

    [Fact]
    public async Task EmailStatsCountSentOpenedFailed()
    {
        await using var silo = await StartAsync();
        var readerId = NewId("reader");
        var otherId = NewId("other");
        await silo.GrainFactory.GetGrain<IUserGrain>(readerId).Create(Messages.Profile("Ken", "Thompson", NewEmail("ken")));
        await silo.GrainFactory.GetGrain<IUserGrain>(otherId).Create(Messages.Profile("Dennis", "Ritchie", NewEmail("dennis")));
        var campaignId = NewId("campaign");
        var campaign = silo.GrainFactory.GetGrain<ICampaignGrain>(campaignId);

        // A user without a profile has no address: that email fails without reaching SES.
        await campaign.Start(new StartCampaign { RequestedBy = "admin", Subject = "Stats " + campaignId, Message = "Hello", UserIds = [readerId, otherId, NewId("ghost")] });
        await Eventually.WaitUntilAsync(async () => (await campaign.Get())?.Status == "completed", "the campaign completes");
        Assert.True(await silo.GrainFactory.GetGrain<IEmailGrain>($"campaign-{campaignId}-{readerId}").MarkOpened());

        var stats = await silo.Services.GetRequiredService<Grains.Email.EmailTrackingStore>().GetStatsAsync(CancellationToken.None);
        Assert.Equal(new EmailStats { Total = 3, Pending = 0, Sent = 2, Opened = 1, Failed = 1, OpenRate = 0.5 }, stats);
        var reader = await silo.GrainFactory.GetGrain<IUserGrain>(readerId).GetEmailStats();
        Assert.Equal(new EmailStats { Total = 1, Pending = 0, Sent = 1, Opened = 1, Failed = 0, OpenRate = 1 }, reader);
        var view = (await campaign.Get())!;
        Assert.Equal((3, 3, 2, 1), (view.Recipients, view.Processed, view.Sent, view.Failed));
    }
}
