using Grains.Tickets;

namespace Grains.Events.Journal;

/// <summary>
/// The ticket signing key of an event created before tickets existed (newer events carry theirs in
/// <see cref="EventCreated"/>), made on first need. Journaled so every activation signs with the same
/// key and codes never change.
/// </summary>
public sealed record TicketKeyIssued(TicketKeyPair Key, DateTimeOffset At) : EventChange;
