namespace Grains.Users;

/// <summary>Whether the user is a CRM attendee (no seat) of an event, as of the event's outbox message number <see cref="Sequence"/>.</summary>
[GenerateSerializer, Alias("AttendanceRecord")]
public sealed class AttendanceRecord
{
    /// <summary>The event outbox number of the newest attendee message applied; older or equal numbers are ignored.</summary>
    [Id(0)]
    public long Sequence { get; set; }

    [Id(1)]
    public bool IsAttendee { get; set; }
}
