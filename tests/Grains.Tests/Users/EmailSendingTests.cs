using Grains.Abstractions;
using Grains.Email;
using Grains.Email.Ses;
using Microsoft.Extensions.DependencyInjection;
using static Grains.Tests.Users.EngagementSilo;

namespace Grains.Tests.Users;

public sealed class EmailSendingTests
{
    [Fact]
    public async Task ThrottledSendIsRetriedAndArrivesOnce()
    {
        var throttles = 0;
        await using var silo = await StartAsync(configure: (services, configuration) =>
        {
            services.AddSesEmail(configuration);
            services.AddSingleton<IEmailSender>(sp => new ThrottleFirst(sp.GetRequiredService<SesV2EmailSender>(), () => Interlocked.Increment(ref throttles)));
        });
        var email = NewEmail("throttled");
        var request = Request(NewId("user"), email, "Throttled " + email);

        var view = await silo.GrainFactory.GetGrain<IEmailGrain>("campaign-t-" + Guid.NewGuid().ToString("N")).Send(request);

        Assert.Equal(EmailStatuses.Sent, view.Status);
        Assert.Equal(2, view.Attempts);
        Assert.Equal(1, throttles);
        Assert.Single(await SesEmailsToAsync(email));
    }

    [Fact]
    public async Task SendInterruptedByACrashIsNotRepeated()
    {
        await using var silo = await StartAsync(settings: new Dictionary<string, string?> { ["Email:SendingLease"] = "00:00:00.100" });
        var email = NewEmail("interrupted");
        var emailId = "booking-" + NewId("b");
        var userId = NewId("user");
        // What a grain that died during its SES call leaves behind: PENDING, attempt started.
        await silo.Services.GetRequiredService<EmailTrackingStore>().CreateAsync(new EmailRecord
        {
            EmailId = emailId,
            UserId = userId,
            Recipient = email,
            Subject = "Interrupted",
            Kind = EmailKinds.BookingConfirmation,
            Status = EmailStatuses.Pending,
            Attempts = 1,
            SendingSince = DateTimeOffset.UtcNow.AddMinutes(-1),
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }, CancellationToken.None);

        var view = await silo.GrainFactory.GetGrain<IEmailGrain>(emailId).Send(Request(userId, email, "Interrupted"));

        Assert.Equal(EmailStatuses.Failed, view.Status);
        Assert.Contains("unknown", view.Error, StringComparison.Ordinal);
        Assert.Empty(await SesEmailsToAsync(email));
        var stats = await silo.GrainFactory.GetGrain<IUserGrain>(userId).GetEmailStats();
        Assert.Equal((0, 0, 1), (stats.Pending, stats.Sent, stats.Failed));
    }

    private static EmailRequest Request(string userId, string to, string subject) => new()
    {
        UserId = userId,
        To = to,
        Subject = subject,
        TextBody = "Hello",
        HtmlBody = "<p>Hello</p>",
        Kind = EmailKinds.Campaign,
    };

    private sealed class ThrottleFirst(IEmailSender inner, Func<int> count) : IEmailSender
    {
        private int _calls;

        public Task<SendEmailResult> SendAsync(EmailMessage message, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _calls) > 1) return inner.SendAsync(message, ct);
            count();
            return Task.FromResult<SendEmailResult>(new EmailRejected(429, "TooManyRequestsException: slow down", Retriable: true));
        }
    }
}
