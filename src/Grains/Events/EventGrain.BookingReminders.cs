using Grains.Abstractions;
using Grains.Events.Journal;
using Microsoft.Extensions.Logging;

namespace Grains.Events;

/// <summary>
/// The reminder emails a day before the event: the grain queues one outbox message per confirmed
/// booking, journaled once, and the users' grains send the emails (each message id applied once,
/// each email sent once by its email grain). An active grain notices the moment on its sweep; a
/// durable Orleans reminder wakes an idle one.
/// </summary>
public sealed partial class EventGrain
{
    private const string BookingRemindersReminder = "booking-reminders";
    private bool _bookingReminderRegistered;

    private DateTimeOffset BookingRemindersDueAt => _state.Definition!.StartAt - _options.BookingReminderLead;

    private bool BookingRemindersPending =>
        _state.Exists && !_state.BookingRemindersQueued && _state.Status == EventStatus.OnSale
        && TimeProvider.GetUtcNow() < _state.Definition!.StartAt && _state.HasBookingsBefore(BookingRemindersDueAt);

    /// <summary>Queues the reminders once their time has come (and the event has not started).</summary>
    private void QueueBookingRemindersIfDue()
    {
        // The clock first: it is what the sweep asks every second, and it costs nothing.
        if (_broken || !_state.Exists) return;
        var now = TimeProvider.GetUtcNow();
        if (now < BookingRemindersDueAt || !BookingRemindersPending) return;
        _ = Emit(new BookingRemindersQueued(now, BookingRemindersDueAt), lazily: true).ContinueWith(static _ => { }, TaskScheduler.Current);
    }

    /// <summary>Makes sure an idle grain is woken when its reminders are due (after a booking, or a new start time).</summary>
    private void EnsureBookingReminder(bool startChanged = false)
    {
        if (_broken || (_bookingReminderRegistered && !startChanged) || !BookingRemindersPending) return;
        _bookingReminderRegistered = true;
        _ = RegisterBookingReminderAsync();
    }

    private async Task RegisterBookingReminderAsync()
    {
        var dueIn = BookingRemindersDueAt - TimeProvider.GetUtcNow();
        try
        {
            await this.RegisterOrUpdateReminder(
                BookingRemindersReminder,
                dueIn > TimeSpan.Zero ? dueIn : TimeSpan.FromSeconds(1),
                _options.BookingReminderRetryPeriod);
        }
        catch (Exception e)
        {
            _bookingReminderRegistered = false;
            logger.LogWarning(e, "Event {EventId}: could not register the booking reminder", EventId);
        }
    }

    private async Task OnBookingRemindersReminderAsync()
    {
        QueueBookingRemindersIfDue();
        await _journal.WhenDurable();
        if (_state.Outbox.Count > 0) StartDelivery();
        if (!BookingRemindersPending)
        {
            await UnregisterReminder(BookingRemindersReminder);
            _bookingReminderRegistered = false;
        }
    }
}
