namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("UpdateEvent")]
public sealed record UpdateEvent
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required EventDefinition Definition { get; init; }

    /// <summary>A new capacity for a general-admission event; null keeps it. Raising it offers the new seats to the waiting list.</summary>
    [Id(2)]
    public int? Capacity { get; init; }
}
