namespace Grains.Tickets;

/// <summary>
/// One scan of a verified ticket as an offline gate recorded it. <see cref="CancelledAt"/> is when the
/// ticket's booking was cancelled, if it was: the event grain knows, the ledger does not.
/// </summary>
public sealed record GateScan(string TicketId, string? Gate, DateTimeOffset ScannedAt, DateTimeOffset? CancelledAt = null);
