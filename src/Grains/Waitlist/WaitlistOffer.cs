namespace Grains.Waitlist;

/// <summary>The hold made in a waiting user's name, and until when it is theirs.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistOffer")]
public sealed record WaitlistOffer
{
    [Id(0)]
    public required string HoldId { get; init; }

    [Id(1)]
    public required DateTimeOffset ExpiresAt { get; init; }
}
