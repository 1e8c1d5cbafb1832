namespace Grains.Users;

/// <summary>Whether the user owns/hosts an event, as of the event's outbox message number <see cref="Sequence"/>.</summary>
[GenerateSerializer, Alias("HostingRecord")]
public sealed class HostingRecord
{
    /// <summary>The event outbox number of the newest host message applied; older or equal numbers are ignored.</summary>
    [Id(0)]
    public long Sequence { get; set; }

    [Id(1)]
    public bool IsHost { get; set; }

    [Id(2)]
    public string EventTitle { get; set; } = "";

    [Id(3)]
    public DateTimeOffset EventStartAt { get; set; }

    [Id(4)]
    public DateTimeOffset Since { get; set; }
}
