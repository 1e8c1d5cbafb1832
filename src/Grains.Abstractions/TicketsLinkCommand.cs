namespace Grains.Abstractions;

/// <summary>Read a booking's tickets with the access token of its tickets link instead of a caller.</summary>
[GenerateSerializer, Immutable, Alias("TicketsLinkCommand")]
public sealed record TicketsLinkCommand
{
    [Id(0)]
    public required string BookingId { get; init; }

    /// <summary>The token as the link carries it; anything at all, since links come from anyone.</summary>
    [Id(1)]
    public required string Access { get; init; }
}
