namespace Grains.Events.Seating;

// Byte-sized so the inventory keeps one byte per seat.
public enum SeatState : byte
{
    Free = 0,
    Held = 1,
    Booked = 2,
}
