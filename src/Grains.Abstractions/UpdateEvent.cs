namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("UpdateEvent")]
public sealed record UpdateEvent
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required EventDefinition Definition { get; init; }
}
