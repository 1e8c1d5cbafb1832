namespace Grains.Abstractions;

public enum EventStatus
{
    Draft,
    OnSale,
    Cancelled,

    /// <summary>Deleted by its organizer (it had no bookings): gone from reads and the catalogue.</summary>
    Deleted,
}
