using System.Text.Json.Serialization;

namespace Grains.Waitlist;

/// <summary>One user's place on an event's waiting list; <see cref="Number"/> is the join order (1, 2, ...).</summary>
[GenerateSerializer, Immutable, Alias("WaitlistEntry")]
public sealed record WaitlistEntry
{
    [Id(0)]
    public required int Number { get; init; }

    [Id(1)]
    public required string UserId { get; init; }

    [Id(2)]
    public required int Quantity { get; init; }

    [Id(3)]
    public required DateTimeOffset JoinedAt { get; init; }

    [Id(4)]
    public required WaitlistStatus Status { get; init; }

    /// <summary>The current offer while <see cref="WaitlistStatus.Offered"/>, the last one afterwards.</summary>
    [Id(5)]
    public WaitlistOffer? Offer { get; init; }

    /// <summary>When it was accepted, expired or left.</summary>
    [Id(6)]
    public DateTimeOffset? EndedAt { get; init; }

    [JsonIgnore]
    public bool IsActive => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;
}
