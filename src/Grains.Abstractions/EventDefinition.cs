namespace Grains.Abstractions;

/// <summary>The editable description of an event (create and update carry it).</summary>
public sealed record EventDefinition
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset StartAt { get; init; }

    public required DateTimeOffset EndAt { get; init; }

    public string? City { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> HostIds { get; init; } = [];

    /// <summary>Price per seat type; "default" applies to seat types without their own price.</summary>
    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    public string Currency { get; init; } = "USD";

    public int HoldTtlSeconds { get; init; } = 180;

    public int MaxSeatsPerHold { get; init; } = 10;
}
