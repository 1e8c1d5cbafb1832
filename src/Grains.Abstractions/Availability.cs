namespace Grains.Abstractions;

public sealed record Availability
{
    public required int Capacity { get; init; }

    public required int Available { get; init; }

    public required int Held { get; init; }

    public required int Booked { get; init; }
}
