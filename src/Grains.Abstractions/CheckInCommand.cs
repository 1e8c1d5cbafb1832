namespace Grains.Abstractions;

/// <summary>One online scan at a gate: the event's owner, door staff or an admin may send it.</summary>
[GenerateSerializer, Immutable, Alias("CheckInCommand")]
public sealed record CheckInCommand
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required string Code { get; init; }

    [Id(2)]
    public string? Gate { get; init; }
}
