using Grains.Events;

namespace Grains.Tickets;

/// <summary>
/// What a ticket code carries. A ticket is unit <see cref="Unit"/> (1-based: the n-th seat of the
/// booking, or the n-th place of a general-admission booking) of booking <see cref="Booking"/>.
/// </summary>
public sealed record TicketPayload(string EventId, int Booking, int Unit, string? SeatId)
{
    public string TicketId => TicketIds.Format(Booking, Unit);

    public string BookingId => BookingIds.Format(EventId, Booking);
}
