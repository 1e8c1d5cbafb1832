namespace Grains.Abstractions;

/// <summary>The organizer's view of an event's waiting list: entries by status and the queue.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistSummary")]
public sealed record WaitlistSummary
{
    /// <summary>Entries in the queue, waiting for seats.</summary>
    [Id(0)]
    public required int QueueLength { get; init; }

    /// <summary>Seats the waiting entries ask for together.</summary>
    [Id(1)]
    public required int SeatsWaitedFor { get; init; }

    /// <summary>Entries by status: waiting, offered, accepted, expired, left.</summary>
    [Id(2)]
    public required IReadOnlyDictionary<string, int> ByStatus { get; init; }
}
