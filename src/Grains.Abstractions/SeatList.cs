namespace Grains.Abstractions;

public sealed record SeatList
{
    public required IReadOnlyList<SeatView> Seats { get; init; }
}
