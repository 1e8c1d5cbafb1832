namespace Grains.Abstractions;

/// <summary>
/// The answer to one scan. Every status is an expected outcome, so it is a value (the API maps
/// duplicate to 409, cancelled to 410 and invalid to 422); a batch answers one per scan.
/// </summary>
[GenerateSerializer, Immutable, Alias("CheckInView")]
public sealed record CheckInView
{
    /// <summary>Null when the code is invalid.</summary>
    [Id(0)]
    public string? TicketId { get; init; }

    [Id(1)]
    public string? SeatId { get; init; }

    /// <summary>admitted, duplicate, cancelled or invalid (<see cref="CheckInStatuses"/>).</summary>
    [Id(2)]
    public required string Status { get; init; }

    /// <summary>The ticket's admission: this one, or for a duplicate the first one.</summary>
    [Id(3)]
    public DateTimeOffset? CheckedInAt { get; init; }

    [Id(4)]
    public string? Gate { get; init; }

    /// <summary>For invalid codes: malformed, badSignature, otherEvent or unknownTicket.</summary>
    [Id(5)]
    public string? Problem { get; init; }

    [Id(6)]
    public string? Detail { get; init; }
}
