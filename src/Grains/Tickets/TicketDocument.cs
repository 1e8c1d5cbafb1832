namespace Grains.Tickets;

/// <summary>What the ticket PDF of one booking shows besides the tickets themselves.</summary>
public sealed record TicketDocument(string EventTitle, DateTimeOffset StartAt, string BookingId, IReadOnlyList<PrintedTicket> Tickets);
