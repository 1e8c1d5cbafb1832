using LoadTest.Http;

namespace LoadTest.Scenarios;

/// <summary>An event created for the run, with its explicit-seat picker.</summary>
internal sealed class EventUnderLoad(EventTarget target, int capacity, SeatPicker seats)
{
    public EventTarget Target { get; } = target;
    public int Capacity { get; } = capacity;
    public SeatPicker Seats { get; } = seats;
}
