using System.Net;
using Grains.Abstractions;
using Grains.Email.Ses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Email;

/// <summary>
/// One tracked email. Its record lives in the email tracking table, written before and after the
/// SES call, so the email is sent at most once: a send found in flight by a later activation is
/// not repeated (after <see cref="EmailOptions.SendingLease"/> it is marked FAILED, outcome unknown).
/// SES throttling and server errors are retried with backoff; anything else fails the email.
/// </summary>
public sealed class EmailGrain(
    EmailTrackingStore store,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    ILogger<EmailGrain> logger) : BookingGrain, IEmailGrain
{
    private readonly EmailOptions _options = options.Value;
    private EmailRecord? _record;

    // Nearly every email grain is new (one per booking or recipient), so it does not read its
    // item on activation: Send creates it conditionally and reads only when it already exists.
    private bool _loaded;

    async Task<EmailView> IEmailGrain.Send(EmailRequest request)
    {
        var view = await SendOnceAsync(request);

        // One email grain per booking or recipient: once its email is settled there is nothing
        // left to decide, so it leaves memory now rather than after the idle age (a sale of
        // 50,000 bookings would otherwise keep 50,000 of them).
        if (_record?.IsFinal == true) DeactivateOnIdle();
        return view;
    }

    private async Task<EmailView> SendOnceAsync(EmailRequest request)
    {
        var now = TimeProvider.GetUtcNow();
        if (_record is null)
        {
            var created = new EmailRecord
            {
                EmailId = GrainKey,
                UserId = request.UserId,
                Recipient = request.To,
                Subject = request.Subject,
                Kind = request.Kind,
                CampaignId = request.CampaignId,
                BookingId = request.BookingId,
                CreatedAt = now,
                Status = string.IsNullOrWhiteSpace(request.To) ? EmailStatuses.Failed : EmailStatuses.Pending,
                Error = string.IsNullOrWhiteSpace(request.To) ? $"User {request.UserId} has no email address." : null,
                FailedAt = string.IsNullOrWhiteSpace(request.To) ? now : null,
                Attempts = string.IsNullOrWhiteSpace(request.To) ? 0 : 1,
                SendingSince = string.IsNullOrWhiteSpace(request.To) ? null : now,
            };
            if (!await store.CreateAsync(created, CancellationToken.None))
            {
                // An earlier activation (or a twin) made it: decide on what is stored, exactly as if read first.
                await ReloadRecordAsync();
                return await SendOnceAsync(request);
            }

            _loaded = true;
            _record = created;
            if (created.IsFinal) return created.ToView();
        }
        else if (_record.IsFinal)
        {
            return _record.ToView();
        }
        else if (_record.SendingSince is { } since)
        {
            // A send of an earlier activation may have reached SES: never repeat it.
            if (now - since < _options.SendingLease) return _record.ToView();
            return (await FailAsync(_record, $"The send started at {since:O} was interrupted; its outcome is unknown, so it is not repeated.")).ToView();
        }
        else if (!await StartAttemptAsync(now))
        {
            return await ReloadAsync();
        }

        return (await SendAttemptsAsync(request)).ToView();
    }

    async Task<bool> IEmailGrain.MarkOpened()
    {
        if (await RecordAsync() is not { Status: EmailStatuses.Sent } sent) return false;
        var opened = sent with { Status = EmailStatuses.Opened, OpenedAt = TimeProvider.GetUtcNow() };
        if (!await store.TransitionAsync(sent, opened, CancellationToken.None))
        {
            await ReloadAsync();
            return false;
        }

        _record = opened;
        return true;
    }

    async Task<EmailView?> IEmailGrain.GetStatus() => (await RecordAsync())?.ToView();

    private async Task<EmailRecord?> RecordAsync()
    {
        if (!_loaded)
        {
            _record = await store.GetAsync(GrainKey, CancellationToken.None);
            _loaded = true;
        }

        return _record;
    }

    /// <summary>Calls SES for the attempt recorded in <see cref="_record"/>, and again for retriable answers.</summary>
    private async Task<EmailRecord> SendAttemptsAsync(EmailRequest request)
    {
        var message = new EmailMessage
        {
            To = request.To!,
            Subject = request.Subject,
            TextBody = request.TextBody,
            HtmlBody = request.HtmlBody + TrackingPixel(),
            Tags = new Dictionary<string, string> { ["kind"] = request.Kind },
        };
        var delay = _options.RetryDelay;
        while (true)
        {
            var record = _record!;
            var result = await sender.SendAsync(message, CancellationToken.None);
            var now = TimeProvider.GetUtcNow();
            switch (result)
            {
                case EmailSent sent:
                    return await CompleteAsync(record, record with { Status = EmailStatuses.Sent, SesMessageId = sent.MessageId, SentAt = now, SendingSince = null, Error = null });
                case EmailRejected rejected when Retry(rejected) && record.Attempts < _options.MaxSendAttempts:
                    logger.LogWarning("SES refused email {EmailId} (attempt {Attempt}): {Reason}; retrying", GrainKey, record.Attempts, rejected.Reason);
                    var paused = record with { SendingSince = null, Error = rejected.Reason };
                    if (!await store.TransitionAsync(record, paused, CancellationToken.None)) return await ReloadRecordAsync();
                    _record = paused;
                    await Task.Delay(delay, TimeProvider);
                    delay *= 2;
                    if (!await StartAttemptAsync(TimeProvider.GetUtcNow())) return await ReloadRecordAsync();
                    break;
                case EmailRejected rejected:
                    return await FailAsync(record, rejected.Reason);
                default:
                    throw new InvalidOperationException($"Email {GrainKey}: unexpected send result {result.GetType().Name}.");
            }
        }
    }

    // SES answered and refused for now (throttling, 5xx): the email did not go out. Without an
    // answer (timeout, broken connection) it may have, so it is not retried.
    private static bool Retry(EmailRejected rejected) => rejected.Retriable && rejected.StatusCode != 0;

    private async Task<bool> StartAttemptAsync(DateTimeOffset now)
    {
        var record = _record!;
        var attempt = record with { Attempts = record.Attempts + 1, SendingSince = now };
        if (!await store.TransitionAsync(record, attempt, CancellationToken.None)) return false;
        _record = attempt;
        return true;
    }

    private Task<EmailRecord> FailAsync(EmailRecord record, string reason) =>
        CompleteAsync(record, record with { Status = EmailStatuses.Failed, FailedAt = TimeProvider.GetUtcNow(), SendingSince = null, Error = reason });

    private async Task<EmailRecord> CompleteAsync(EmailRecord before, EmailRecord after)
    {
        if (!await store.TransitionAsync(before, after, CancellationToken.None)) return await ReloadRecordAsync();
        _record = after;
        return after;
    }

    private async Task<EmailView> ReloadAsync() => (await ReloadRecordAsync()).ToView();

    /// <summary>Someone else (a stale twin activation) changed the item: adopt what is stored.</summary>
    private async Task<EmailRecord> ReloadRecordAsync()
    {
        _record = await store.GetAsync(GrainKey, CancellationToken.None)
            ?? throw new InvalidOperationException($"Email {GrainKey} vanished from the tracking table after a conditional write failed.");
        _loaded = true;
        return _record;
    }

    private string TrackingPixel() =>
        $"<img src=\"{WebUtility.HtmlEncode(_options.TrackingBaseUrl.TrimEnd('/'))}/track/open?emailId={Uri.EscapeDataString(GrainKey)}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">";
}
