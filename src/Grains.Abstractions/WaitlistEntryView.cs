namespace Grains.Abstractions;

/// <summary>A buyer's place on an event's waiting list, as they see it.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistEntryView")]
public sealed record WaitlistEntryView
{
    /// <summary>1-based place among the entries still waiting; null once offered, accepted, expired or left.</summary>
    [Id(0)]
    public int? Position { get; init; }

    [Id(1)]
    public required int Quantity { get; init; }

    /// <summary>waiting, offered, accepted, expired or left (<see cref="WaitlistStatuses"/>).</summary>
    [Id(2)]
    public required string Status { get; init; }

    [Id(3)]
    public required DateTimeOffset JoinedAt { get; init; }

    /// <summary>The hold made in the buyer's name: present once seats were offered.</summary>
    [Id(4)]
    public WaitlistOfferView? Offer { get; init; }
}
