namespace Grains.Abstractions;

public sealed record CreateVenue
{
    public required Caller Caller { get; init; }

    public required string Name { get; init; }

    public string? City { get; init; }

    public required IReadOnlyList<SectionDefinition> Sections { get; init; }
}
