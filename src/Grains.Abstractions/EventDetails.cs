namespace Grains.Abstractions;

public sealed record EventDetails
{
    public required string Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset StartAt { get; init; }

    public required DateTimeOffset EndAt { get; init; }

    public string? City { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyList<string> HostIds { get; init; }

    public required string OwnerId { get; init; }

    public string? VenueId { get; init; }

    public required bool GeneralAdmission { get; init; }

    public required int Capacity { get; init; }

    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    public required string Currency { get; init; }

    public required int HoldTtlSeconds { get; init; }

    public required int MaxSeatsPerHold { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
