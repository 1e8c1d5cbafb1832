namespace Grains.Events.Journal;

public sealed record HoldPlaced(
    int Hold,
    string UserId,
    int[] Seats,
    int Quantity,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    IdempotencyRecord? Idempotency,
    string? RequestId = null) : EventChange;
