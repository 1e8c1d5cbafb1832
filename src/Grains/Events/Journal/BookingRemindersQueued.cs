namespace Grains.Events.Journal;

/// <summary>
/// The booking reminders of the event were queued in its outbox: one per booking confirmed before
/// <paramref name="DueAt"/> and not cancelled. Later bookings get none (their confirmation is as recent).
/// </summary>
public sealed record BookingRemindersQueued(DateTimeOffset At, DateTimeOffset DueAt) : EventChange;
