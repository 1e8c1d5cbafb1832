namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("SeatList")]
public sealed record SeatList
{
    [Id(0)]
    public required IReadOnlyList<SeatView> Seats { get; init; }
}
