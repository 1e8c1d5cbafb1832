namespace Grains.Abstractions;

public sealed record UpdateEvent
{
    public required Caller Caller { get; init; }

    public required EventDefinition Definition { get; init; }
}
