namespace Grains.Events.Journal;

/// <summary>An online gate admitted a ticket; replayed through <see cref="Tickets.CheckInLedger.Admit"/>.</summary>
public sealed record TicketCheckedIn(string TicketId, string? Gate, DateTimeOffset At) : EventChange;
