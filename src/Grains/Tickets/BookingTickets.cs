namespace Grains.Tickets;

/// <summary>The tickets of one confirmed booking: one per seat, or one per unit of general admission.</summary>
public static class BookingTickets
{
    /// <param name="seatIds">The booking's seat ids in booking order; empty for general admission.</param>
    public static IReadOnlyList<TicketPayload> Of(string eventId, int booking, IReadOnlyList<string> seatIds, int quantity)
    {
        if (seatIds.Count > 0 && seatIds.Count != quantity)
        {
            throw new InvalidOperationException($"Event {eventId}: booking {booking} has {seatIds.Count} seats but quantity {quantity}.");
        }

        var tickets = new TicketPayload[quantity];
        for (var i = 0; i < quantity; i++)
        {
            tickets[i] = new TicketPayload(eventId, booking, i + 1, seatIds.Count > 0 ? seatIds[i] : null);
        }

        return tickets;
    }
}
