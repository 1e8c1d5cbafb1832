namespace Grains.Abstractions;

/// <summary>An event the user currently owns or hosts.</summary>
[GenerateSerializer, Immutable, Alias("HostedEvent")]
public sealed record HostedEvent
{
    [Id(0)]
    public required string EventId { get; init; }

    [Id(1)]
    public required string EventTitle { get; init; }

    [Id(2)]
    public required DateTimeOffset EventStartAt { get; init; }

    /// <summary>When the user became owner or host.</summary>
    [Id(3)]
    public required DateTimeOffset Since { get; init; }
}
