using Grains.Abstractions;
using Grains.Events.Journal;
using Microsoft.Extensions.Logging;

namespace Grains.Events;

public sealed partial class EventGrain
{
    private void StartDelivery()
    {
        if (_delivering || _broken || _deactivating) return;
        _delivering = true;
        _ = DeliverAsync();
    }

    /// <summary>
    /// Delivers outbox messages whose decisions are durable, at least once: messages to one user
    /// go in order, a few users at a time. Receivers apply each message id once, so a redelivery
    /// after a crash or a lost "delivered" mark changes nothing.
    /// </summary>
    private async Task DeliverAsync()
    {
        try
        {
            while (!_broken && !_deactivating && _state.Outbox.Count > 0)
            {
                var upTo = _state.NextOutbox - 1;
                await _journal.WhenDurable();
                var due = await WithTicketsLinksAsync(_state.Outbox.Where(e => e.Number <= upTo).ToList());
                if (due.Count == 0) break;
                try
                {
                    await PacedParallel.ForEachAsync(due.GroupBy(e => e.UserId), DeliveryConcurrency, DeliverToUserAsync);
                }
                catch (Exception e) when (GrainFailures.IsTransientOrConflict(e))
                {
                    // Expected while a silo shuts down or a user grain is busy: not worth a stack trace.
                    logger.LogInformation("Event {EventId}: outbox delivery deferred ({Reason}); retrying", EventId, e.Message);
                    await Task.Delay(_options.OutboxRetryDelay, TimeProvider);
                    continue;
                }
                catch (Exception) when (_deactivating)
                {
                    break;
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Event {EventId}: outbox delivery failed; retrying", EventId);
                    await Task.Delay(_options.OutboxRetryDelay, TimeProvider);
                    continue;
                }

                if (!_broken) _ = Emit(new OutboxDelivered(due[^1].Number), lazily: true).ContinueWith(static _ => { }, TaskScheduler.Current);
            }
        }
        finally
        {
            _delivering = false;
        }
    }

    /// <summary>
    /// Decisions first: while the journal is writing (a sale in progress), one user at a time, so
    /// the confirmations' side effects (a user's counters, an email: three store requests each)
    /// cannot take the store's capacity from the seat decisions waiting on it. Delivery lags
    /// during a burst and catches up with <see cref="EventGrainOptions.OutboxConcurrency"/> after it.
    /// </summary>
    private int DeliveryConcurrency() => _journal.IsWriting ? 1 : _options.OutboxConcurrency;

    private async Task DeliverToUserAsync(IGrouping<string, OutboxEntry> messages)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(messages.Key);
        foreach (var entry in messages) await user.Apply(entry.Message);
    }
}
