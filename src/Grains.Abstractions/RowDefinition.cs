namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("RowDefinition")]
public sealed record RowDefinition
{
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>Number of seats, numbered 1..Seats.</summary>
    [Id(1)]
    public required int Seats { get; init; }
}
