using LoadTest.Audit;

namespace LoadTest.Tests;

public sealed class BookingAuditorTests
{
    private const string Event = "ev-1";

    [Fact]
    public void Consistent_run_has_nothing_oversold_or_lost()
    {
        var snapshot = Snapshot(capacity: 10, held: 1, ("S1:R1:1", "booked"), ("S1:R1:2", "booked"), ("S1:R1:3", "held"), ("S1:R1:4", "available"));
        var acks = new[] { Ack("b1", "S1:R1:1"), Ack("b2", "S1:R1:2") };

        var result = BookingAuditor.Evaluate([snapshot], acks, Found("b1", "b2"));

        Assert.Equal(0, result.Oversold);
        Assert.Equal(0, result.Lost);
        Assert.Equal(2, result.AcknowledgedBookings);
        Assert.Equal(2, result.AcknowledgedSeats);
        Assert.False(result.Incomplete);
    }

    [Fact]
    public void Double_booked_seat_and_missing_booking_are_reported()
    {
        var snapshot = Snapshot(capacity: 10, held: 0, ("S1:R1:1", "booked"), ("S1:R1:2", "booked"), ("S1:R1:3", "booked"), ("S1:R1:4", "available"));
        var acks = new[]
        {
            Ack("b1", "S1:R1:1", "S1:R1:2"),
            Ack("b2", "S1:R1:2", "S1:R1:3"), // S1:R1:2 promised twice
            Ack("b3", "S1:R1:4"),            // the API no longer knows this booking, and the seat is free
        };
        var readback = Found("b1", "b2");
        readback[(Event, "b3")] = ReadbackState.Missing;

        var result = BookingAuditor.Evaluate([snapshot], acks, readback);

        Assert.Equal(1, result.DoubleBookedSeats);
        Assert.Equal(0, result.OverCapacitySeats);
        Assert.Equal(1, result.Oversold);
        Assert.Equal(1, result.MissingBookings);
        Assert.Equal(1, result.BookingsWithUnbookedSeats);
        Assert.Equal(1, result.Lost);
    }

    [Fact]
    public void Acknowledged_booking_whose_seat_is_not_booked_is_lost_even_if_the_booking_exists()
    {
        var snapshot = Snapshot(capacity: 4, held: 0, ("S1:R1:1", "booked"), ("S1:R1:2", "held"));
        var acks = new[] { Ack("b1", "S1:R1:1", "S1:R1:2"), Ack("b2", "S9:R9:9") }; // S9:R9:9 is not in the seat list at all

        var result = BookingAuditor.Evaluate([snapshot], acks, Found("b1", "b2"));

        Assert.Equal(2, result.Lost);
        Assert.Equal(0, result.MissingBookings);
        Assert.Equal(2, result.BookingsWithUnbookedSeats);
    }

    [Fact]
    public void Booked_plus_held_beyond_capacity_counts_as_oversold()
    {
        var snapshot = new EventSnapshot(Event, new Dictionary<string, string>(), Capacity: 100, Booked: 98, Held: 5);

        var result = BookingAuditor.Evaluate([snapshot], [], new Dictionary<(string, string), ReadbackState>());

        Assert.Equal(3, result.OverCapacitySeats);
        Assert.Equal(3, result.Oversold);
        Assert.Equal(0, result.Lost);
    }

    [Fact]
    public void Repeated_confirm_of_the_same_booking_is_not_a_double_booking()
    {
        var snapshot = Snapshot(capacity: 10, held: 0, ("S1:R1:1", "booked"));
        var acks = new[] { Ack("b1", "S1:R1:1"), Ack("b1", "S1:R1:1") };

        var result = BookingAuditor.Evaluate([snapshot], acks, Found("b1"));

        Assert.Equal(0, result.Oversold);
        Assert.Equal(1, result.AcknowledgedBookings);
    }

    [Fact]
    public void Same_seat_id_in_different_events_is_not_a_double_booking()
    {
        var one = Snapshot(capacity: 10, held: 0, ("S1:R1:1", "booked")) with { EventId = "ev-1" };
        var two = Snapshot(capacity: 10, held: 0, ("S1:R1:1", "booked")) with { EventId = "ev-2" };
        var acks = new[] { new AcknowledgedBooking("ev-1", "b1", ["S1:R1:1"]), new AcknowledgedBooking("ev-2", "b2", ["S1:R1:1"]) };
        var readback = new Dictionary<(string, string), ReadbackState> { [("ev-1", "b1")] = ReadbackState.Found, [("ev-2", "b2")] = ReadbackState.Found };

        var result = BookingAuditor.Evaluate([one, two], acks, readback);

        Assert.Equal(0, result.Oversold);
        Assert.Equal(0, result.Lost);
        Assert.Equal(20, result.Capacity);
    }

    [Fact]
    public void Unreadable_booking_with_booked_seats_is_unverified_not_lost()
    {
        var snapshot = Snapshot(capacity: 10, held: 0, ("S1:R1:1", "booked"));
        var readback = new Dictionary<(string, string), ReadbackState> { [(Event, "b1")] = ReadbackState.Unverified };

        var result = BookingAuditor.Evaluate([snapshot], [Ack("b1", "S1:R1:1")], readback);

        Assert.Equal(0, result.Lost);
        Assert.Equal(1, result.UnverifiedBookings);
        Assert.True(result.Incomplete);
    }

    private static AcknowledgedBooking Ack(string bookingId, params string[] seats) => new(Event, bookingId, seats);

    private static Dictionary<(string, string), ReadbackState> Found(params string[] bookingIds) =>
        bookingIds.ToDictionary(id => (Event, id), _ => ReadbackState.Found);

    private static EventSnapshot Snapshot(int capacity, int held, params (string Seat, string Status)[] seats) =>
        new(Event, seats.ToDictionary(s => s.Seat, s => s.Status), capacity, seats.Count(s => s.Status == "booked"), held);
}
