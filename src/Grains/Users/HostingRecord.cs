namespace Grains.Users;

/// <summary>Whether the user owns/hosts an event, as of the event's outbox message number <see cref="Sequence"/>.</summary>
public sealed class HostingRecord
{
    /// <summary>The event outbox number of the newest host message applied; older or equal numbers are ignored.</summary>
    public long Sequence { get; set; }

    public bool IsHost { get; set; }

    public string EventTitle { get; set; } = "";

    public DateTimeOffset EventStartAt { get; set; }

    public DateTimeOffset Since { get; set; }
}
