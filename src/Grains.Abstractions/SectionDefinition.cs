namespace Grains.Abstractions;

public sealed record SectionDefinition
{
    public required string Name { get; init; }

    /// <summary>Seat type used for pricing; defaults to "standard".</summary>
    public string? SeatType { get; init; }

    public required IReadOnlyList<RowDefinition> Rows { get; init; }
}
