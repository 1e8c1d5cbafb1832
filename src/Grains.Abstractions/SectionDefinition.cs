namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("SectionDefinition")]
public sealed record SectionDefinition
{
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>Seat type used for pricing; defaults to "standard".</summary>
    [Id(1)]
    public string? SeatType { get; init; }

    [Id(2)]
    public required IReadOnlyList<RowDefinition> Rows { get; init; }
}
