namespace Grains.Events;

/// <summary>A hold as the event grain keeps it; seats are seat indexes (empty for general admission).</summary>
public sealed class HoldRecord
{
    public required int Number { get; init; }

    public required string UserId { get; init; }

    public required int[] Seats { get; init; }

    public required int Quantity { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public HoldStatus Status { get; set; }

    /// <summary>The client request that placed it, remembered while the hold is active.</summary>
    public string? RequestId { get; init; }

    public int Booking { get; set; } = -1;
}
