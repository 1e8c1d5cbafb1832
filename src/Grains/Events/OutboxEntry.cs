using Grains.Abstractions;

namespace Grains.Events;

/// <summary>A message to a user grain, kept in the event's durable state until delivered.</summary>
public sealed record OutboxEntry(long Number, string UserId, EngagementMessage Message);
