using Grains.Tickets;

namespace Grains.Events.Journal;

/// <summary>
/// The event's ticket signing key, made once: at create, or on first need for events created before
/// tickets existed. Journaled so every activation signs with the same key and codes never change.
/// </summary>
public sealed record TicketKeyIssued(TicketKeyPair Key, DateTimeOffset At) : EventChange;
