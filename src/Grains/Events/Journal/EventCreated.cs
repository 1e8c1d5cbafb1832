using Grains.Abstractions;
using Grains.Tickets;

namespace Grains.Events.Journal;

/// <summary>A new event; <see cref="TicketKey"/> is its ticket signing key (null in events created before tickets existed).</summary>
public sealed record EventCreated(
    EventDefinition Definition,
    string OwnerId,
    string? VenueId,
    IReadOnlyList<SectionDefinition>? Sections,
    int Capacity,
    bool Draft,
    DateTimeOffset At,
    IdempotencyRecord? Idempotency,
    TicketKeyPair? TicketKey = null) : EventChange;
