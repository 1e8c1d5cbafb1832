namespace Grains.Abstractions;

/// <summary>A venue in listings (without its seat map).</summary>
[GenerateSerializer, Immutable, Alias("VenueSummary")]
public sealed record VenueSummary
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
    public required string OwnerId { get; init; }

    [Id(5)]
    public required DateTimeOffset CreatedAt { get; init; }
}
