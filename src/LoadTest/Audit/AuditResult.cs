namespace LoadTest.Audit;

/// <summary>
/// The audit's verdict. <see cref="Oversold"/> = seats in more than one acknowledged booking + seats held
/// or booked beyond capacity; <see cref="Lost"/> = acknowledged bookings missing, or with a seat not booked.
/// </summary>
internal sealed record AuditResult
{
    public int Oversold => DoubleBookedSeats + OverCapacitySeats;
    public int Lost { get; init; }
    public int DoubleBookedSeats { get; init; }
    public int OverCapacitySeats { get; init; }
    public int MissingBookings { get; init; }
    public int BookingsWithUnbookedSeats { get; init; }
    public int UnverifiedBookings { get; init; }
    public int AcknowledgedBookings { get; init; }
    public int AcknowledgedSeats { get; init; }
    public int Capacity { get; init; }
    public int Booked { get; init; }
    public int Held { get; init; }

    /// <summary>True when some reads failed, so the verdict may be incomplete.</summary>
    public bool Incomplete => UnverifiedBookings > 0;
}
