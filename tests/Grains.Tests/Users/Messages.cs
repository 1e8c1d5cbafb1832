using Grains.Abstractions;

namespace Grains.Tests.Users;

/// <summary>Engagement messages shaped like the event grain's outbox sends them.</summary>
internal static class Messages
{
    private static readonly DateTimeOffset s_start = new(2026, 6, 1, 19, 0, 0, TimeSpan.Zero);

    public static EngagementMessage Confirmed(string eventId, string bookingId, int quantity = 2) => new()
    {
        Id = $"booking-confirmed:{bookingId}",
        Kind = EngagementKind.BookingConfirmed,
        EventId = eventId,
        EventTitle = $"Show {eventId}",
        EventStartAt = s_start,
        BookingId = bookingId,
        Seats = [.. Enumerable.Range(1, quantity).Select(n => $"A-1-{n}")],
        Quantity = quantity,
        Total = 25m * quantity,
        Currency = "USD",
        OccurredAt = s_start.AddDays(-10),
    };

    public static EngagementMessage Cancelled(string eventId, string bookingId) => Confirmed(eventId, bookingId) with
    {
        Id = $"booking-cancelled:{bookingId}",
        Kind = EngagementKind.BookingCancelled,
    };

    public static EngagementMessage HostAdded(string eventId, string userId, long number) => new()
    {
        Id = $"host-added:{eventId}:{userId}:{number}",
        Kind = EngagementKind.HostAdded,
        EventId = eventId,
        EventTitle = $"Show {eventId}",
        EventStartAt = s_start.AddDays(number),
        OccurredAt = s_start.AddDays(-30),
    };

    public static EngagementMessage HostRemoved(string eventId, string userId, long number) => HostAdded(eventId, userId, number) with
    {
        Id = $"host-removed:{eventId}:{userId}:{number}",
        Kind = EngagementKind.HostRemoved,
    };

    public static UserProfile Profile(string first, string last, string email, string? company = null, string? jobTitle = null, string? city = null, string? state = null) => new()
    {
        FirstName = first,
        LastName = last,
        Email = email,
        Company = company,
        JobTitle = jobTitle,
        City = city,
        State = state,
        Gender = Genders.PreferNotToSay,
    };
}
