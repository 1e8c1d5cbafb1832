namespace Grains.Abstractions;

public sealed record SeatView
{
    public required string Id { get; init; }

    public required string Section { get; init; }

    public required string Row { get; init; }

    public required int Number { get; init; }

    public required string SeatType { get; init; }

    public required decimal Price { get; init; }

    /// <summary>available, held or booked.</summary>
    public required string Status { get; init; }
}
