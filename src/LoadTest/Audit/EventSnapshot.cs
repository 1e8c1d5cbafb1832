namespace LoadTest.Audit;

/// <summary>One event as read back after the run: each seat's status, and the availability counters.</summary>
internal sealed record EventSnapshot(string EventId, IReadOnlyDictionary<string, string> SeatStatus, int Capacity, int Booked, int Held);

/// <summary>What <c>GET /events/{id}/bookings/{bookingId}</c> said about an acknowledged booking.</summary>
internal enum ReadbackState
{
    Found,
    Missing,
    Unverified, // the read failed (transport/5xx) even after retries
}
