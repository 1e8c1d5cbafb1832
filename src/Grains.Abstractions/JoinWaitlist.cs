namespace Grains.Abstractions;

/// <summary>A buyer asks to wait for <see cref="Quantity"/> seats of a sold-out event.</summary>
[GenerateSerializer, Immutable, Alias("JoinWaitlist")]
public sealed record JoinWaitlist
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required int Quantity { get; init; }
}
