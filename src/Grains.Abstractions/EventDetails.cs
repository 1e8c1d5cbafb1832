namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("EventDetails")]
public sealed record EventDetails
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string Slug { get; init; }

    [Id(2)]
    public required string Title { get; init; }

    [Id(3)]
    public string? Description { get; init; }

    [Id(4)]
    public required DateTimeOffset StartAt { get; init; }

    [Id(5)]
    public required DateTimeOffset EndAt { get; init; }

    [Id(6)]
    public string? City { get; init; }

    [Id(7)]
    public required IReadOnlyList<string> Tags { get; init; }

    [Id(8)]
    public required IReadOnlyList<string> HostIds { get; init; }

    [Id(9)]
    public required string OwnerId { get; init; }

    [Id(10)]
    public string? VenueId { get; init; }

    [Id(11)]
    public required bool GeneralAdmission { get; init; }

    [Id(12)]
    public required int Capacity { get; init; }

    [Id(13)]
    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    [Id(14)]
    public required string Currency { get; init; }

    [Id(15)]
    public required int HoldTtlSeconds { get; init; }

    [Id(16)]
    public required int MaxSeatsPerHold { get; init; }

    [Id(17)]
    public required string Status { get; init; }

    [Id(18)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(19)]
    public required DateTimeOffset UpdatedAt { get; init; }

    [Id(20)]
    public string? Category { get; init; }

    [Id(21)]
    public IReadOnlyList<string> Artists { get; init; } = [];

    [Id(22)]
    public int WaitlistOfferSeconds { get; init; } = 600;
}
