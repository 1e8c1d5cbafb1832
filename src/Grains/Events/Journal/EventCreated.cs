using Grains.Abstractions;

namespace Grains.Events.Journal;

public sealed record EventCreated(
    EventDefinition Definition,
    string OwnerId,
    string? VenueId,
    IReadOnlyList<SectionDefinition>? Sections,
    int Capacity,
    bool Draft,
    DateTimeOffset At,
    IdempotencyRecord? Idempotency) : EventChange;
