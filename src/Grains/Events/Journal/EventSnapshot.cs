using Grains.Abstractions;
using Grains.Tickets;
using Grains.Waitlist;

namespace Grains.Events.Journal;

/// <summary>The event state as of one journal sequence number; seat states are rebuilt from holds and bookings.</summary>
public sealed record EventSnapshot
{
    public required EventDefinition Definition { get; init; }

    public required string OwnerId { get; init; }

    public string? VenueId { get; init; }

    public IReadOnlyList<SectionDefinition>? Sections { get; init; }

    public required int Capacity { get; init; }

    public required EventStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required int NextHold { get; init; }

    public required int NextBooking { get; init; }

    public required long NextOutbox { get; init; }

    public required EventCounters Counters { get; init; }

    public bool BookingRemindersQueued { get; init; }

    public required List<HoldRecord> Holds { get; init; }

    public required List<BookingRecord> Bookings { get; init; }

    public required Dictionary<string, IdempotencyEntry> Idempotency { get; init; }

    public required List<OutboxEntry> Outbox { get; init; }

    /// <summary>CRM attendees without a seat.</summary>
    public List<string> Attendees { get; init; } = [];

    /// <summary>The ticket signing key pair; null for events that have not needed one yet.</summary>
    public TicketKeyPair? TicketKey { get; init; }

    /// <summary>Admissions by ticket id (<see cref="CheckInLedger.CheckIns"/>).</summary>
    public Dictionary<string, CheckIn> CheckIns { get; init; } = [];

    /// <summary>The waiting list in join order, ended entries included.</summary>
    public List<WaitlistEntry> Waitlist { get; init; } = [];
}
