namespace LoadTest.Audit;

/// <summary>A booking the API confirmed to the tool (2xx on confirm with a booking id), with the seats it named.</summary>
internal sealed record AcknowledgedBooking(string EventId, string BookingId, IReadOnlyList<string> Seats);
