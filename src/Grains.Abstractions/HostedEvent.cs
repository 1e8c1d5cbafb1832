namespace Grains.Abstractions;

/// <summary>An event the user currently owns or hosts.</summary>
public sealed record HostedEvent
{
    public required string EventId { get; init; }

    public required string EventTitle { get; init; }

    public required DateTimeOffset EventStartAt { get; init; }

    /// <summary>When the user became owner or host.</summary>
    public required DateTimeOffset Since { get; init; }
}
