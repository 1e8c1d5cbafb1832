namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("SeatView")]
public sealed record SeatView
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Section { get; init; }

    [Id(2)]
    public required string Row { get; init; }

    [Id(3)]
    public required int Number { get; init; }

    [Id(4)]
    public required string SeatType { get; init; }

    [Id(5)]
    public required decimal Price { get; init; }

    /// <summary>available, held or booked.</summary>
    [Id(6)]
    public required string Status { get; init; }
}
