using Grains.Abstractions;

namespace Api.Users;

public sealed record HostedEventsResponse(string UserId, IReadOnlyList<HostedEvent> Events);
