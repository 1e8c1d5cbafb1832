namespace Grains.Tickets;

/// <summary>One page of a booking's ticket PDF.</summary>
/// <param name="Seat">The seat as a person reads it (<see cref="SeatLabels.Describe"/>); null for general admission.</param>
public sealed record PrintedTicket(string TicketId, string? Seat, string HolderName, string Code);
