namespace Grains.Events.Journal;

/// <param name="WaitlistEntry">Set when the hold is seats offered to this waiting list entry.</param>
public sealed record HoldPlaced(
    int Hold,
    string UserId,
    int[] Seats,
    int Quantity,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    IdempotencyRecord? Idempotency,
    string? RequestId = null,
    int? WaitlistEntry = null) : EventChange;
