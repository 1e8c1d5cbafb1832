namespace Grains.Abstractions;

/// <summary>
/// A booking's tickets, with what a printed ticket shows besides them; the API renders QR images
/// and PDFs from it, so that rendering never runs on the event grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("BookingTicketList")]
public sealed record BookingTicketList
{
    [Id(0)]
    public required string EventId { get; init; }

    [Id(1)]
    public required string EventTitle { get; init; }

    [Id(2)]
    public required DateTimeOffset StartAt { get; init; }

    [Id(3)]
    public required string BookingId { get; init; }

    /// <summary>The booking's buyer, whose profile names the holder on printed tickets.</summary>
    [Id(4)]
    public required string HolderId { get; init; }

    [Id(5)]
    public required IReadOnlyList<TicketView> Items { get; init; }
}
