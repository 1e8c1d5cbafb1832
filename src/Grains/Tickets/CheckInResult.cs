namespace Grains.Tickets;

/// <summary>
/// The answer to one scan. For <see cref="CheckInStatus.Admitted"/> and
/// <see cref="CheckInStatus.Duplicate"/>, <see cref="CheckedInAt"/> and <see cref="Gate"/> describe the
/// ticket's admission (for a duplicate: the first one, which the door staff need to see).
/// </summary>
[GenerateSerializer, Immutable, Alias("CheckInResult")]
public sealed record CheckInResult
{
    [Id(0)]
    public required string TicketId { get; init; }

    [Id(1)]
    public required CheckInStatus Status { get; init; }

    [Id(2)]
    public DateTimeOffset? CheckedInAt { get; init; }

    [Id(3)]
    public string? Gate { get; init; }

    public static CheckInResult Admitted(string ticketId, CheckIn checkIn) =>
        new() { TicketId = ticketId, Status = CheckInStatus.Admitted, CheckedInAt = checkIn.At, Gate = checkIn.Gate };

    public static CheckInResult Duplicate(string ticketId, CheckIn first) =>
        new() { TicketId = ticketId, Status = CheckInStatus.Duplicate, CheckedInAt = first.At, Gate = first.Gate };

    public static CheckInResult Cancelled(string ticketId) => new() { TicketId = ticketId, Status = CheckInStatus.Cancelled };
}
