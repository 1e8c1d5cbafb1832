namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("Venue")]
public sealed record Venue
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Name { get; init; }

    [Id(2)]
    public string? City { get; init; }

    [Id(3)]
    public required int Capacity { get; init; }

    [Id(4)]
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }

    [Id(5)]
    public required string OwnerId { get; init; }

    [Id(6)]
    public required DateTimeOffset CreatedAt { get; init; }
}
