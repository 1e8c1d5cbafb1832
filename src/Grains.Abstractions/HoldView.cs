namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("HoldView")]
public sealed record HoldView
{
    [Id(0)]
    public required string HoldId { get; init; }

    [Id(1)]
    public required string EventId { get; init; }

    [Id(2)]
    public required string UserId { get; init; }

    /// <summary>Seat ids; empty for general admission.</summary>
    [Id(3)]
    public required IReadOnlyList<string> Seats { get; init; }

    [Id(4)]
    public required int Quantity { get; init; }

    [Id(5)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(6)]
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>active, expired, released or confirmed.</summary>
    [Id(7)]
    public required string Status { get; init; }

    [Id(8)]
    public string? BookingId { get; init; }
}
