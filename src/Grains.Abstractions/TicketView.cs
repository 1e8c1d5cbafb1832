namespace Grains.Abstractions;

/// <summary>One ticket of a booking: one per seat, or one per unit of general admission.</summary>
[GenerateSerializer, Immutable, Alias("TicketView")]
public sealed record TicketView
{
    /// <summary>"t{booking}-{unit}", unique within the event.</summary>
    [Id(0)]
    public required string TicketId { get; init; }

    /// <summary>Null for general admission.</summary>
    [Id(1)]
    public string? SeatId { get; init; }

    /// <summary>The signed code a scanner reads (base64url), the same text every time it is asked for.</summary>
    [Id(2)]
    public required string Code { get; init; }

    /// <summary>valid, checkedIn or cancelled.</summary>
    [Id(3)]
    public required string Status { get; init; }
}
