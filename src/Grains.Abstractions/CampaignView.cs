namespace Grains.Abstractions;

/// <summary>A campaign and its progress.</summary>
[GenerateSerializer, Immutable, Alias("CampaignView")]
public sealed record CampaignView
{
    [Id(0)]
    public required string CampaignId { get; init; }

    /// <summary>running or completed.</summary>
    [Id(1)]
    public required string Status { get; init; }

    [Id(2)]
    public required string Subject { get; init; }

    [Id(3)]
    public required string RequestedBy { get; init; }

    [Id(4)]
    public required int Recipients { get; init; }

    /// <summary>Recipients whose email reached a final state (sent or failed).</summary>
    [Id(5)]
    public required int Processed { get; init; }

    [Id(6)]
    public required int Sent { get; init; }

    [Id(7)]
    public required int Failed { get; init; }

    [Id(8)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(9)]
    public DateTimeOffset? CompletedAt { get; init; }
}
