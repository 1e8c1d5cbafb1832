namespace Grains.Abstractions;

public sealed record HoldView
{
    public required string HoldId { get; init; }

    public required string EventId { get; init; }

    public required string UserId { get; init; }

    /// <summary>Seat ids; empty for general admission.</summary>
    public required IReadOnlyList<string> Seats { get; init; }

    public required int Quantity { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>active, expired, released or confirmed.</summary>
    public required string Status { get; init; }

    public string? BookingId { get; init; }
}
