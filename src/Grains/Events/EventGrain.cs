using Grains.Abstractions;
using Grains.Catalogue;
using Grains.Events.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansDynamoDb.Journal;

namespace Grains.Events;

/// <summary>
/// The one owner of an event's seats. Each operation decides synchronously against the
/// in-memory state (so decisions never interleave), applies the change, and then awaits the
/// group commit that makes it durable; the grain is reentrant only so that callers can wait for
/// durability together. Nobody is answered before their decision is in DynamoDB.
/// </summary>
[Reentrant]
public sealed partial class EventGrain(
    IJournalStorage storage,
    IOptions<EventGrainOptions> options,
    IOptions<CatalogueOptions> catalogueOptions,
    ILogger<EventGrain> logger) : BookingGrain, IEventGrain, IRemindable
{
    private const string RecoveryReminder = "recovery";
    private readonly EventGrainOptions _options = options.Value;
    private readonly CatalogueOptions _catalogueOptions = catalogueOptions.Value;
    private readonly List<int> _bestAvailable = new(16);
    private EventState _state = null!;
    private EventJournal _journal = null!;
    private bool _reminderRegistered;
    private bool _delivering;
    private bool _broken;
    private bool _deactivating;
    private DateTimeOffset _lastPrune;

    private string EventId => GrainKey;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journal = new EventJournal(this.GetGrainId(), storage, _options.SnapshotEveryEntries, () => _state.ToSnapshot(), OnWriteFailed);
        _state = await _journal.RecoverAsync(EventId, cancellationToken);
        // A crash between freeing seats and offering them (a batch journaled in parts) is repaired here.
        if (_state.Exists) OfferSeatsToWaitlist(lazily: true);
        this.RegisterGrainTimer(_ => SweepAsync(), _options.ExpirySweepPeriod, _options.ExpirySweepPeriod);
        _reminderRegistered = _state.ActiveHoldCount > 0 || _state.Outbox.Count > 0;
        if (_state.Outbox.Count > 0) StartDelivery();
        EnsureBookingReminder();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Undelivered outbox messages are durable: the next activation (woken by the recovery
        // reminder if need be) delivers them; this one can no longer call other grains.
        _deactivating = true;
        if (_broken || !_state.Exists) return;
        try
        {
            ExpireDue();
            await _journal.SnapshotIfBehindAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Event {EventId}: snapshot on deactivation failed", EventId);
        }
    }

    private void OnWriteFailed(Exception failure)
    {
        // The in-memory state now holds decisions that never became durable: drop this activation,
        // the next one recovers exactly what the journal says.
        _broken = true;
        logger.LogWarning(failure, "Event {EventId}: journal write failed; deactivating", EventId);
        DeactivateOnIdle();
    }

    /// <summary>Applies a decision to the state and queues it for the next group commit.</summary>
    private Task Emit(EventChange change) => Emit(change, lazily: false);

    private Task Emit(EventChange change, bool lazily)
    {
        _state.Apply(change);
        var durable = lazily ? _journal.AppendLazily(change) : _journal.Append(change);
        if (!_reminderRegistered && (_state.ActiveHoldCount > 0 || _state.Outbox.Count > 0)) _ = EnsureReminderAsync();
        if (_state.Outbox.Count > 0) StartDelivery();
        return durable;
    }

    /// <summary>Lazy expiry: holds past their time are released before any decision or read.</summary>
    private void ExpireDue()
    {
        var now = TimeProvider.GetUtcNow();
        var expired = false;
        while (_state.TryPeekExpiry(out var hold, out var expiresAt) && expiresAt <= now)
        {
            _ = Emit(new HoldExpired(hold), lazily: true).ContinueWith(static _ => { }, TaskScheduler.Current);
            expired = true;
        }

        if (expired) OfferSeatsToWaitlist(lazily: true);
    }

    private Task SweepAsync()
    {
        if (_broken || _state.Definition is null) return Task.CompletedTask;
        var now = TimeProvider.GetUtcNow();
        PushCatalogueIfChanged(now);
        if (!_state.Exists) return Task.CompletedTask;
        ExpireDue();
        QueueBookingRemindersIfDue();
        _journal.FlushLazyChanges();
        _state.PruneEndedHolds(now - _options.EndedHoldRetention, _options.MaxEndedHolds);
        if (now - _lastPrune >= TimeSpan.FromSeconds(10))
        {
            var t = _journal.Totals;
            logger.LogDebug(
                "Event {EventId}: {Batches} group commits, {Changes} changes, {AverageBatch:F1} per commit, {AverageWrite:F1} ms per write, {JournalBytes} journal bytes, {Snapshots} snapshots of {SnapshotBytes} bytes in all",
                EventId, t.Batches, t.Changes, t.Batches == 0 ? 0 : (double)t.Changes / t.Batches, t.Batches == 0 ? 0 : t.WriteMilliseconds / t.Batches, t.JournalBytes, t.Snapshots, t.SnapshotBytes);
            _lastPrune = now;
            _state.PruneIdempotency(now - _options.IdempotencyRetention);
        }

        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // A deleted event still delivers what its outbox holds (hosts and attendees losing it).
        if (_state.Definition is null)
        {
            await UnregisterReminder(reminderName);
            return;
        }

        if (reminderName == BookingRemindersReminder)
        {
            await OnBookingRemindersReminderAsync();
            return;
        }

        ExpireDue();
        await _journal.WhenDurable();
        if (_state.Outbox.Count > 0)
        {
            StartDelivery();
            return;
        }

        if (_state.ActiveHoldCount == 0)
        {
            await UnregisterReminder(RecoveryReminder);
            _reminderRegistered = false;
        }
    }

    private async Task EnsureReminderAsync()
    {
        _reminderRegistered = true;
        try
        {
            await this.RegisterOrUpdateReminder(RecoveryReminder, _options.RecoveryReminderPeriod, _options.RecoveryReminderPeriod);
        }
        catch (Exception e)
        {
            _reminderRegistered = false;
            logger.LogWarning(e, "Event {EventId}: could not register the recovery reminder", EventId);
        }
    }

    private static Failure NotFound() => Failure.NotFound("Event not found", "No event has this id.");
}
