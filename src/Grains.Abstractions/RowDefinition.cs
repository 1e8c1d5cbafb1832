namespace Grains.Abstractions;

public sealed record RowDefinition
{
    public required string Name { get; init; }

    /// <summary>Number of seats, numbered 1..Seats.</summary>
    public required int Seats { get; init; }
}
