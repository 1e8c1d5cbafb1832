namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("Availability")]
public sealed record Availability
{
    [Id(0)]
    public required int Capacity { get; init; }

    [Id(1)]
    public required int Available { get; init; }

    [Id(2)]
    public required int Held { get; init; }

    [Id(3)]
    public required int Booked { get; init; }
}
