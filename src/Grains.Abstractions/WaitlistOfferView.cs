namespace Grains.Abstractions;

/// <summary>Seats held for a waiting buyer; they confirm the hold like any other before it expires.</summary>
[GenerateSerializer, Immutable, Alias("WaitlistOfferView")]
public sealed record WaitlistOfferView
{
    [Id(0)]
    public required string HoldId { get; init; }

    [Id(1)]
    public required DateTimeOffset ExpiresAt { get; init; }
}
