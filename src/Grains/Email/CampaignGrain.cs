using Grains.Abstractions;
using Grains.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Email;

/// <summary>
/// An email campaign. Start fixes the recipient set in durable state and returns; a background
/// loop sends to <see cref="EmailOptions.CampaignConcurrency"/> recipients at a time, each through
/// its own email grain (key "campaign-{campaign}-{user}", so a batch redone after a crash sends
/// nothing twice), and records progress after each batch. A durable reminder resumes the loop
/// after a crash. Reentrant so that progress can be read while a batch is in flight.
/// </summary>
[Reentrant]
public sealed class CampaignGrain(
    [PersistentState("state", GrainStorageNames.Grains)] IPersistentState<CampaignState> state,
    IUserDirectory directory,
    IOptions<EmailOptions> options,
    ILogger<CampaignGrain> logger) : BookingGrain, ICampaignGrain, IRemindable
{
    public const int MaxSubjectLength = 200;
    public const int MaxMessageLength = 100_000;
    private const string RunReminder = "campaign-run";
    private static readonly TimeSpan s_reminderPeriod = TimeSpan.FromMinutes(1);

    private readonly EmailOptions _options = options.Value;
    private bool _starting;
    private bool _running;
    private IDisposable? _runTimer;

    private CampaignState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && S.CompletedAt is null) ScheduleRun(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    async Task<Outcome<CampaignView>> ICampaignGrain.Start(StartCampaign command)
    {
        if (state.RecordExists) return Outcome<CampaignView>.Ok(View());
        if (_starting) return Failure.Conflict("Campaign starting", $"Campaign {GrainKey} is being started by another request.");
        if (Validate(command) is { } invalid) return invalid;

        _starting = true;
        try
        {
            IReadOnlyList<string> recipients;
            if (command.Filter is { } filter)
            {
                var matched = await directory.MatchAllAsync(filter, CancellationToken.None);
                if (!matched.Succeeded) return matched.Failure!;
                recipients = matched.Value!;
            }
            else
            {
                recipients = command.UserIds!.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToList();
            }

            if (recipients.Count > _options.MaxCampaignRecipients)
            {
                return Failure.Unprocessable("Too many recipients", $"The campaign would reach {recipients.Count} users; at most {_options.MaxCampaignRecipients} per campaign.");
            }

            var now = TimeProvider.GetUtcNow();
            S.Subject = command.Subject.Trim();
            S.Message = command.Message;
            S.RequestedBy = command.RequestedBy;
            S.Recipients = [.. recipients];
            S.CreatedAt = now;
            S.CompletedAt = recipients.Count == 0 ? now : null;
            if (recipients.Count > 0) await this.RegisterOrUpdateReminder(RunReminder, s_reminderPeriod, s_reminderPeriod);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State = new CampaignState();
                throw;
            }

            if (recipients.Count > 0) ScheduleRun(TimeSpan.Zero);
            return Outcome<CampaignView>.Ok(View(), created: true);
        }
        finally
        {
            _starting = false;
        }
    }

    Task<CampaignView?> ICampaignGrain.Get() => Task.FromResult(state.RecordExists ? View() : null);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RunReminder) return;
        if (!state.RecordExists || S.CompletedAt is not null)
        {
            await UnregisterReminder(RunReminder);
            return;
        }

        await RunAsync();
    }

    private static Failure? Validate(StartCampaign command)
    {
        if (string.IsNullOrWhiteSpace(command.Subject) || command.Subject.Trim().Length > MaxSubjectLength)
        {
            return Failure.Invalid("Invalid campaign", $"subject: 1 to {MaxSubjectLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(command.Message) || command.Message.Length > MaxMessageLength)
        {
            return Failure.Invalid("Invalid campaign", $"message: 1 to {MaxMessageLength} characters.");
        }

        if ((command.UserIds is null) == (command.Filter is null))
        {
            return Failure.Invalid("Invalid campaign", "Give either userIds or a filter.");
        }

        if (command.UserIds is { } ids && ids.Any(string.IsNullOrWhiteSpace))
        {
            return Failure.Invalid("Invalid campaign", "userIds: blank user id.");
        }

        return null;
    }

    private void ScheduleRun(TimeSpan dueTime)
    {
        _runTimer?.Dispose();
        _runTimer = this.RegisterGrainTimer(async _ =>
        {
            _runTimer?.Dispose();
            _runTimer = null;
            await RunAsync();
        }, dueTime, Timeout.InfiniteTimeSpan);
    }

    private async Task RunAsync()
    {
        if (_running || S.CompletedAt is not null) return;
        _running = true;
        try
        {
            while (S.Cursor < S.Recipients.Count)
            {
                var batch = S.Recipients.Skip(S.Cursor).Take(_options.CampaignConcurrency).ToList();
                var statuses = await Task.WhenAll(batch.Select(SendOneAsync));
                if (statuses.Any(s => s is null))
                {
                    // Some emails are not final yet (in flight elsewhere, or a call failed): redo the batch later.
                    ScheduleRun(_options.PendingRetryDelay);
                    return;
                }

                S.Sent += statuses.Count(s => s is EmailStatuses.Sent or EmailStatuses.Opened);
                S.Failed += statuses.Count(s => s == EmailStatuses.Failed);
                S.Cursor += batch.Count;
                await WriteAsync();
            }

            S.CompletedAt = TimeProvider.GetUtcNow();
            await WriteAsync();
            await UnregisterReminder(RunReminder);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {CampaignId} stopped at recipient {Cursor} of {Count}; resuming later", GrainKey, S.Cursor, S.Recipients.Count);
            ScheduleRun(_options.PendingRetryDelay);
        }
        finally
        {
            _running = false;
        }
    }

    private async Task WriteAsync()
    {
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

    /// <summary>The email's final status, or null when it is not final yet.</summary>
    private async Task<string?> SendOneAsync(string userId)
    {
        try
        {
            var user = await GrainFactory.GetGrain<IUserGrain>(userId).Get();
            var request = EmailTemplates.Campaign(GrainKey, userId, user, S.Subject, S.Message);
            var view = await GrainFactory.GetGrain<IEmailGrain>(EmailTemplates.CampaignEmailId(GrainKey, userId)).Send(request);
            return view.Status == EmailStatuses.Pending ? null : view.Status;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Campaign {CampaignId}: email to user {UserId} not sent yet", GrainKey, userId);
            return null;
        }
    }

    private CampaignView View() => new()
    {
        CampaignId = GrainKey,
        Status = S.CompletedAt is null ? "running" : "completed",
        Subject = S.Subject,
        RequestedBy = S.RequestedBy,
        Recipients = S.Recipients.Count,
        Processed = S.Cursor,
        Sent = S.Sent,
        Failed = S.Failed,
        CreatedAt = S.CreatedAt,
        CompletedAt = S.CompletedAt,
    };
}
