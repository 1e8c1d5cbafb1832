namespace Grains.Abstractions;

public sealed record Venue
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? City { get; init; }

    public required int Capacity { get; init; }

    public required IReadOnlyList<SectionDefinition> Sections { get; init; }

    public required string OwnerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
