namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("CreateVenue")]
public sealed record CreateVenue
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public string? City { get; init; }

    [Id(3)]
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }
}
