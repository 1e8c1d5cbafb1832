using Grains.Abstractions;
using Grains.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Grains.Users;

/// <summary>
/// A user (key = user id): profile, booking index and hosting records, from which every counter
/// is derived. Engagement messages are applied once each (bookings by booking id, host changes by
/// event id and the event outbox number carried in the message id). Side effects (the filter
/// index entry, booking confirmation emails, releasing an old email address) follow each durable
/// change: the index inline, the rest from an outbox in this state, retried by a timer and, across
/// crashes, by a durable reminder registered before the change is written.
/// A booking's confirmation email is first tried before its change is written: the email grain
/// sends at most once per booking, and until the write is durable the event's outbox redelivers
/// the message, so a booking whose email settles at once costs one write and no reminder.
/// </summary>
public sealed class UserGrain(
    [PersistentState("state", GrainStorageNames.Grains)] IPersistentState<UserState> state,
    UserIndexStore index,
    EmailTrackingStore emails,
    IOptions<EmailOptions> emailOptions,
    ILogger<UserGrain> logger) : BookingGrain, IUserGrain, IRemindable
{
    private const string OutboxReminder = "user-outbox";
    private const string Confirmed = "confirmed";
    private const string Cancelled = "cancelled";
    private static readonly TimeSpan s_reminderPeriod = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _retryDelay = emailOptions.Value.PendingRetryDelay;
    private readonly string _publicBaseUrl = emailOptions.Value.TrackingBaseUrl;
    private long _indexedRevision;
    private bool _reminderRegistered;
    private IDisposable? _flushTimer;

    private UserState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _indexedRevision = S.IndexedRevision;
        if (HasPendingWork) ScheduleFlush(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private bool IndexBehind => S.Profile is not null && _indexedRevision < S.Revision;

    private bool HasPendingWork => IndexBehind || S.Outbox.Count > 0;

    async Task<bool> IUserGrain.Apply(EngagementMessage message)
    {
        var applied = message.Kind switch
        {
            EngagementKind.BookingConfirmed => ApplyConfirmed(message),
            EngagementKind.BookingCancelled => ApplyCancelled(message),
            EngagementKind.HostAdded or EngagementKind.HostRemoved => ApplyHosting(message),
            EngagementKind.BookingReminder => ApplyReminder(message),
            EngagementKind.WaitlistOffer => ApplyWaitlistOffer(message),
            EngagementKind.AttendeeAdded or EngagementKind.AttendeeRemoved => ApplyAttendance(message),
            _ => throw new InvalidOperationException($"User {GrainKey}: message {message.Id} has unknown kind {message.Kind}."),
        };
        if (!applied)
        {
            // A redelivery: whatever an earlier attempt left pending gets another try.
            if (HasPendingWork && _flushTimer is null) ScheduleFlush(TimeSpan.Zero);
            return false;
        }

        // Both emails are wanted now (an offer lapses in minutes), not at the next retry of the outbox.
        if (message.Kind is EngagementKind.BookingConfirmed or EngagementKind.WaitlistOffer) await TrySettleNewEmailAsync();
        await CommitAsync(redelivered: true);
        return true;
    }

    /// <summary>Sends the email just added to the outbox, if it can be settled now; otherwise the outbox keeps it.</summary>
    private async Task TrySettleNewEmailAsync()
    {
        if (await TryDoAsync(S.Outbox[^1])) S.Outbox.RemoveAt(S.Outbox.Count - 1);
    }

    Task<IReadOnlyList<UserBooking>> IUserGrain.GetBookings() =>
        Task.FromResult<IReadOnlyList<UserBooking>>(S.Bookings.Values.OrderBy(b => b.BookedAt).ThenBy(b => b.BookingId, StringComparer.Ordinal).ToList());

    async Task<Outcome<UserView>> IUserGrain.Create(UserProfile profile)
    {
        if (S.Profile is not null) return Failure.Conflict("User exists", $"User {GrainKey} already has a profile.");
        var errors = UserProfileRules.Validate(profile);
        if (errors.Count > 0) return UserProfileRules.ToFailure(errors);
        var clean = UserProfileRules.Clean(profile);
        if (await ClaimAsync(clean.Email) is { } taken) return taken;

        var now = TimeProvider.GetUtcNow();
        S.Profile = clean;
        S.CreatedAt = now;
        S.UpdatedAt = now;
        await CommitAsync();
        return Outcome<UserView>.Ok(await ViewAsync(), created: true);
    }

    async Task<Outcome<UserView>> IUserGrain.Update(UserProfileUpdate update)
    {
        if (S.Profile is not { } current) return Failure.NotFound("User not found", $"User {GrainKey} has no profile.");
        var merged = UserProfileRules.Merge(current, update);
        var errors = UserProfileRules.Validate(merged);
        if (errors.Count > 0) return UserProfileRules.ToFailure(errors);
        var clean = UserProfileRules.Clean(merged);
        if (clean == current) return Outcome<UserView>.Ok(await ViewAsync());

        var oldAddress = UserProfileRules.NormalizeEmail(current.Email);
        var newAddress = UserProfileRules.NormalizeEmail(clean.Email);
        if (newAddress != oldAddress)
        {
            if (await ClaimAsync(clean.Email) is { } taken) return taken;
            S.Outbox.Add(new UserOutboxEntry { Kind = UserOutboxEntry.ReleaseAddress, Target = oldAddress });
        }

        S.Profile = clean;
        S.UpdatedAt = TimeProvider.GetUtcNow();
        await CommitAsync();
        return Outcome<UserView>.Ok(await ViewAsync());
    }

    async Task<UserView?> IUserGrain.Get() => S.Profile is null ? null : await ViewAsync();

    Task<IReadOnlyList<HostedEvent>> IUserGrain.GetHostedEvents() =>
        Task.FromResult<IReadOnlyList<HostedEvent>>(S.Hosting
            .Where(h => h.Value.IsHost)
            .Select(h => new HostedEvent { EventId = h.Key, EventTitle = h.Value.EventTitle, EventStartAt = h.Value.EventStartAt, Since = h.Value.Since })
            .OrderBy(h => h.EventStartAt)
            .ThenBy(h => h.EventId, StringComparer.Ordinal)
            .ToList());

    async Task<UserCounters> IUserGrain.GetCounters()
    {
        var stats = await emails.GetUserStatsAsync(GrainKey, CancellationToken.None);
        return new UserCounters
        {
            HostedEventCount = HostedCount,
            AttendedEventCount = AttendedCount,
            BookingCount = S.Bookings.Count,
            CancellationCount = CancellationCount,
            EmailsSent = stats.Sent,
            EmailsOpened = stats.Opened,
        };
    }

    Task<EmailStats> IUserGrain.GetEmailStats() => emails.GetUserStatsAsync(GrainKey, CancellationToken.None);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OutboxReminder) return;
        _reminderRegistered = true;
        await FlushAsync();
    }

    private int HostedCount => S.Hosting.Values.Count(h => h.IsHost);

    /// <summary>Distinct events with a confirmed booking or a CRM attendance: one event counts once however it is attended.</summary>
    private int AttendedCount => S.Bookings.Values.Where(b => b.Status == Confirmed).Select(b => b.EventId)
        .Concat(S.Attendance.Where(a => a.Value.IsAttendee).Select(a => a.Key))
        .Distinct(StringComparer.Ordinal)
        .Count();

    private int CancellationCount => S.Bookings.Values.Count(b => b.Status == Cancelled);

    private bool ApplyConfirmed(EngagementMessage message)
    {
        var bookingId = BookingIdOf(message);
        // Known already: a duplicate, or the booking's cancellation overtook its confirmation.
        if (S.Bookings.ContainsKey(bookingId)) return false;
        S.Bookings[bookingId] = BookingOf(message, bookingId, Confirmed);
        S.Outbox.Add(new UserOutboxEntry { Kind = UserOutboxEntry.BookingEmail, Target = bookingId, TicketsAccess = message.TicketsAccess });
        return true;
    }

    private bool ApplyCancelled(EngagementMessage message)
    {
        var bookingId = BookingIdOf(message);
        if (S.Bookings.TryGetValue(bookingId, out var booking))
        {
            if (booking.Status == Cancelled) return false;
            S.Bookings[bookingId] = booking with { Status = Cancelled };
        }
        else
        {
            // Only confirmed bookings are cancelled: it counts as a booking and a cancellation.
            S.Bookings[bookingId] = BookingOf(message, bookingId, Cancelled);
        }

        return true;
    }

    /// <summary>
    /// Queues the reminder email of a confirmed booking. A redelivered reminder may queue it again:
    /// its email grain (one per booking) sends it once whatever the number of requests.
    /// </summary>
    private bool ApplyReminder(EngagementMessage message)
    {
        var bookingId = BookingIdOf(message);
        if (!S.Bookings.TryGetValue(bookingId, out var booking) || booking.Status != Confirmed) return false;
        if (S.Outbox.Any(e => e.Kind == UserOutboxEntry.ReminderEmail && e.Target == bookingId)) return false;
        S.Outbox.Add(new UserOutboxEntry { Kind = UserOutboxEntry.ReminderEmail, Target = bookingId, TicketsAccess = message.TicketsAccess });
        return true;
    }

    private bool ApplyWaitlistOffer(EngagementMessage message)
    {
        // A redelivery after the email went out queues it again; the email grain sends each id once.
        var emailId = EmailTemplates.WaitlistOfferEmailId(message.EventId, message.HoldId ?? message.Id);
        if (S.Outbox.Any(e => e.Kind == UserOutboxEntry.WaitlistOfferEmail && e.Target == emailId)) return false;
        S.Outbox.Add(new UserOutboxEntry { Kind = UserOutboxEntry.WaitlistOfferEmail, Target = emailId, Offer = message });
        return true;
    }

    private bool ApplyHosting(EngagementMessage message)
    {
        var isHost = message.Kind == EngagementKind.HostAdded;
        S.Hosting.TryGetValue(message.EventId, out var current);
        long sequence;
        if (TrySequenceOf(message.Id, out var parsed))
        {
            // Host messages of one event carry increasing outbox numbers: an equal or older one is a duplicate or overtaken.
            if (current is not null && parsed <= current.Sequence) return false;
            sequence = parsed;
        }
        else
        {
            if ((current?.IsHost ?? false) == isHost) return false;
            sequence = (current?.Sequence ?? 0) + 1;
        }

        S.Hosting[message.EventId] = new HostingRecord
        {
            Sequence = sequence,
            IsHost = isHost,
            EventTitle = message.EventTitle,
            EventStartAt = message.EventStartAt,
            Since = isHost && current is { IsHost: true } ? current.Since : message.OccurredAt,
        };
        return true;
    }

    private bool ApplyAttendance(EngagementMessage message)
    {
        var isAttendee = message.Kind == EngagementKind.AttendeeAdded;
        if (!TrySequenceOf(message.Id, out var sequence))
        {
            throw new InvalidOperationException($"User {GrainKey}: attendee message {message.Id} of event {message.EventId} carries no outbox number.");
        }

        // Attendee messages of one event carry increasing outbox numbers: an equal or older one is a duplicate or overtaken.
        if (S.Attendance.TryGetValue(message.EventId, out var current) && sequence <= current.Sequence) return false;
        S.Attendance[message.EventId] = new AttendanceRecord { Sequence = sequence, IsAttendee = isAttendee };
        return true;
    }

    private static bool TrySequenceOf(string messageId, out long sequence)
    {
        var colon = messageId.LastIndexOf(':');
        sequence = 0;
        return colon >= 0 && long.TryParse(messageId.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence);
    }

    private string BookingIdOf(EngagementMessage message) =>
        string.IsNullOrEmpty(message.BookingId)
            ? throw new InvalidOperationException($"User {GrainKey}: {message.Kind} message {message.Id} of event {message.EventId} carries no booking id.")
            : message.BookingId;

    private static UserBooking BookingOf(EngagementMessage message, string bookingId, string status) => new()
    {
        BookingId = bookingId,
        EventId = message.EventId,
        EventTitle = message.EventTitle,
        EventStartAt = message.EventStartAt,
        Seats = message.Seats,
        Quantity = message.Quantity,
        Total = message.Total,
        Currency = message.Currency,
        Status = status,
        BookedAt = message.OccurredAt,
    };

    /// <summary>Null when the address is now this user's; otherwise the conflict to answer.</summary>
    private async Task<Failure?> ClaimAsync(string email)
    {
        var owner = await GrainFactory.GetGrain<IEmailAddressGrain>(UserProfileRules.NormalizeEmail(email)).Claim(GrainKey);
        return owner == GrainKey ? null : Failure.Conflict("Email taken", $"The email address {email} belongs to another user.");
    }

    /// <summary>
    /// Makes the change durable, then does its side effects (or leaves them to the timer and reminder).
    /// A change <paramref name="redelivered"/> by a sender until this returns needs the reminder only
    /// for work still pending at the end; any other change registers it before the write, so that a
    /// crash right after the write still leads to the side effects.
    /// </summary>
    private async Task CommitAsync(bool redelivered = false)
    {
        S.Revision++;
        if (!redelivered) await EnsureReminderAsync();

        S.IndexedRevision = _indexedRevision;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The in-memory state is ahead of the stored one: start over from storage.
            DeactivateOnIdle();
            throw;
        }

        await TrySyncIndexAsync();
        if (redelivered && HasPendingWork) await EnsureReminderAsync();
        if (S.Outbox.Count > 0) ScheduleFlush(redelivered ? _retryDelay : TimeSpan.Zero);
        else if (!HasPendingWork) await ForgetReminderAsync();
        else ScheduleFlush(_retryDelay);
    }

    private void ScheduleFlush(TimeSpan dueTime)
    {
        _flushTimer?.Dispose();
        _flushTimer = this.RegisterGrainTimer(async _ =>
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
            await FlushAsync();
        }, dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Does every pending side effect; keeps the reminder and retries later if one fails.</summary>
    private async Task FlushAsync()
    {
        await TrySyncIndexAsync();
        var done = new List<UserOutboxEntry>();
        foreach (var entry in S.Outbox.ToList())
        {
            if (await TryDoAsync(entry)) done.Add(entry);
        }

        if (done.Count > 0)
        {
            S.Outbox.RemoveAll(done.Contains);
            S.IndexedRevision = _indexedRevision;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                DeactivateOnIdle();
                throw;
            }
        }

        if (HasPendingWork)
        {
            await EnsureReminderAsync();
            ScheduleFlush(_retryDelay);
        }
        else
        {
            await ForgetReminderAsync();
        }
    }

    /// <summary>True when the side effect is done for good; a failure is logged and left for a later try.</summary>
    private async Task<bool> TryDoAsync(UserOutboxEntry entry)
    {
        try
        {
            return await DoAsync(entry);
        }
        catch (Exception e) when (GrainFailures.IsTransient(e))
        {
            // Expected while a silo shuts down or the target is busy: not worth a stack trace.
            logger.LogInformation("User {UserId}: {Kind} {Target} deferred ({Reason}); retrying later", GrainKey, entry.Kind, entry.Target, e.Message);
            return false;
        }
        catch (Exception e) when (e is not InconsistentStateException)
        {
            logger.LogWarning(e, "User {UserId}: {Kind} {Target} failed; retrying later", GrainKey, entry.Kind, entry.Target);
            return false;
        }
    }

    /// <summary>True when the side effect is done for good.</summary>
    private async Task<bool> DoAsync(UserOutboxEntry entry)
    {
        switch (entry.Kind)
        {
            case UserOutboxEntry.BookingEmail:
                var booking = S.Bookings.GetValueOrDefault(entry.Target)
                    ?? throw new InvalidOperationException($"User {GrainKey}: outbox email for booking {entry.Target}, which is not in the booking index.");
                var email = GrainFactory.GetGrain<IEmailGrain>(EmailTemplates.BookingEmailId(booking.BookingId));
                var view = await email.Send(EmailTemplates.BookingConfirmation(GrainKey, S.Profile, booking, TicketsUrl(booking, entry)));
                return view.Status != EmailStatuses.Pending;
            case UserOutboxEntry.ReminderEmail:
                var reminded = S.Bookings.GetValueOrDefault(entry.Target)
                    ?? throw new InvalidOperationException($"User {GrainKey}: reminder email for booking {entry.Target}, which is not in the booking index.");
                // Cancelled since the reminder was queued: nothing to remind of.
                if (reminded.Status != Confirmed) return true;
                var reminder = GrainFactory.GetGrain<IEmailGrain>(EmailTemplates.BookingReminderEmailId(reminded.BookingId));
                return (await reminder.Send(EmailTemplates.BookingReminder(GrainKey, S.Profile, reminded, TicketsUrl(reminded, entry)))).Status != EmailStatuses.Pending;
            case UserOutboxEntry.WaitlistOfferEmail:
                var offer = entry.Offer ?? throw new InvalidOperationException($"User {GrainKey}: waiting list offer email {entry.Target} has no offer.");
                return (await GrainFactory.GetGrain<IEmailGrain>(entry.Target).Send(EmailTemplates.WaitlistOffer(GrainKey, S.Profile, offer))).Status != EmailStatuses.Pending;
            case UserOutboxEntry.ReleaseAddress:
                await GrainFactory.GetGrain<IEmailAddressGrain>(entry.Target).Release(GrainKey);
                return true;
            default:
                throw new InvalidOperationException($"User {GrainKey}: unknown outbox entry kind {entry.Kind}.");
        }
    }

    private string? TicketsUrl(UserBooking booking, UserOutboxEntry entry) =>
        entry.TicketsAccess is { } access ? EmailTemplates.TicketsUrl(_publicBaseUrl, booking, access) : null;

    private async Task TrySyncIndexAsync()
    {
        if (!IndexBehind) return;
        var revision = S.Revision;
        try
        {
            await index.UpsertAsync(new UserIndexEntry
            {
                Id = GrainKey,
                Profile = S.Profile!,
                HostedEventCount = HostedCount,
                AttendedEventCount = AttendedCount,
                CreatedAt = S.CreatedAt,
                Revision = revision,
            }, CancellationToken.None);
            _indexedRevision = Math.Max(_indexedRevision, revision);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "User {UserId}: index entry at revision {Revision} not written; retrying later", GrainKey, revision);
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (_reminderRegistered) return;
        await this.RegisterOrUpdateReminder(OutboxReminder, s_reminderPeriod, s_reminderPeriod);
        _reminderRegistered = true;
    }

    private async Task ForgetReminderAsync()
    {
        if (!_reminderRegistered) return;
        await UnregisterReminder(OutboxReminder);
        _reminderRegistered = false;
    }

    private async Task<UserView> ViewAsync()
    {
        var profile = S.Profile!;
        var stats = await emails.GetUserStatsAsync(GrainKey, CancellationToken.None);
        return new UserView
        {
            Id = GrainKey,
            FirstName = profile.FirstName,
            LastName = profile.LastName,
            Email = profile.Email,
            PhoneNumber = profile.PhoneNumber,
            Avatar = profile.Avatar,
            Gender = profile.Gender,
            JobTitle = profile.JobTitle,
            Company = profile.Company,
            City = profile.City,
            State = profile.State,
            HostedEventCount = HostedCount,
            AttendedEventCount = AttendedCount,
            BookingCount = S.Bookings.Count,
            CancellationCount = CancellationCount,
            EmailsSent = stats.Sent,
            EmailsOpened = stats.Opened,
            CreatedAt = S.CreatedAt,
            UpdatedAt = S.UpdatedAt,
        };
    }
}
