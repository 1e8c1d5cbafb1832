using LoadTest.Http;

namespace LoadTest.Scenarios;

/// <summary>The event at the door and its booked tickets: ids and signed codes, index for index.</summary>
internal sealed record DoorTickets(EventTarget Event, string Organizer, int Bookings, string[] TicketIds, string[] Codes);
