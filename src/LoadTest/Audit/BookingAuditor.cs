namespace LoadTest.Audit;

/// <summary>Pure audit logic over the read-back state and the bookings the tool was told about.</summary>
internal static class BookingAuditor
{
    private const string Booked = "booked";

    public static AuditResult Evaluate(
        IReadOnlyList<EventSnapshot> events,
        IReadOnlyList<AcknowledgedBooking> acknowledged,
        IReadOnlyDictionary<(string EventId, string BookingId), ReadbackState> readback)
    {
        var snapshots = events.ToDictionary(e => e.EventId, StringComparer.Ordinal);

        // The same booking may be acknowledged twice (a repeated confirm); count it once, with all seats it was given.
        var bookings = new Dictionary<(string EventId, string BookingId), HashSet<string>>();
        foreach (var ack in acknowledged)
        {
            var key = (ack.EventId, ack.BookingId);
            if (!bookings.TryGetValue(key, out var seats))
            {
                seats = new HashSet<string>(StringComparer.Ordinal);
                bookings[key] = seats;
            }

            seats.UnionWith(ack.Seats);
        }

        // Seats promised to more than one booking.
        var owners = new Dictionary<(string EventId, string SeatId), int>();
        foreach (var ((eventId, _), seats) in bookings)
        {
            foreach (var seat in seats)
            {
                owners[(eventId, seat)] = owners.GetValueOrDefault((eventId, seat)) + 1;
            }
        }

        var doubleBooked = owners.Values.Count(count => count > 1);
        var overCapacity = events.Sum(e => Math.Max(0, e.Booked + e.Held - e.Capacity));

        int missing = 0, unbooked = 0, unverified = 0, lost = 0, acknowledgedSeats = 0;
        foreach (var ((eventId, bookingId), seats) in bookings)
        {
            acknowledgedSeats += seats.Count;
            var state = readback.TryGetValue((eventId, bookingId), out var s) ? s : ReadbackState.Unverified;
            var seatsBooked = snapshots.TryGetValue(eventId, out var snapshot)
                && seats.All(seat => snapshot.SeatStatus.TryGetValue(seat, out var status) && string.Equals(status, Booked, StringComparison.OrdinalIgnoreCase));

            if (state == ReadbackState.Missing) missing++;
            if (!seatsBooked) unbooked++;
            if (state == ReadbackState.Missing || !seatsBooked) lost++;
            else if (state == ReadbackState.Unverified) unverified++;
        }

        return new AuditResult
        {
            Lost = lost,
            DoubleBookedSeats = doubleBooked,
            OverCapacitySeats = overCapacity,
            MissingBookings = missing,
            BookingsWithUnbookedSeats = unbooked,
            UnverifiedBookings = unverified,
            AcknowledgedBookings = bookings.Count,
            AcknowledgedSeats = acknowledgedSeats,
            Capacity = events.Sum(e => e.Capacity),
            Booked = events.Sum(e => e.Booked),
            Held = events.Sum(e => e.Held),
        };
    }
}
