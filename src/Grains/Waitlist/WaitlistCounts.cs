namespace Grains.Waitlist;

/// <summary>The organizer's view of a waiting list.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistCounts")]
public sealed record WaitlistCounts
{
    [Id(0)]
    public required int Waiting { get; init; }

    [Id(1)]
    public required int Offered { get; init; }

    [Id(2)]
    public required int Accepted { get; init; }

    [Id(3)]
    public required int Expired { get; init; }

    [Id(4)]
    public required int Left { get; init; }

    /// <summary>Seats the waiting entries ask for together.</summary>
    [Id(5)]
    public required int SeatsWaitedFor { get; init; }

    /// <summary>Entries in the queue: waiting for seats.</summary>
    public int QueueLength => Waiting;
}
