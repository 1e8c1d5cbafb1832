namespace Grains.Abstractions;

/// <summary>An organizer registers or removes a CRM attendee (no seat) of an event.</summary>
[GenerateSerializer, Immutable, Alias("AttendeeCommand")]
public sealed record AttendeeCommand
{
    [Id(0)]
    public required Caller Caller { get; init; }

    [Id(1)]
    public required string UserId { get; init; }
}
