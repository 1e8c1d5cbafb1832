namespace Grains.Abstractions;

/// <summary>A campaign and its progress.</summary>
public sealed record CampaignView
{
    public required string CampaignId { get; init; }

    /// <summary>running or completed.</summary>
    public required string Status { get; init; }

    public required string Subject { get; init; }

    public required string RequestedBy { get; init; }

    public required int Recipients { get; init; }

    /// <summary>Recipients whose email reached a final state (sent or failed).</summary>
    public required int Processed { get; init; }

    public required int Sent { get; init; }

    public required int Failed { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
