namespace Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("EventAttendee")]
public sealed record EventAttendee
{
    [Id(0)]
    public required string EventId { get; init; }

    [Id(1)]
    public required string UserId { get; init; }
}
