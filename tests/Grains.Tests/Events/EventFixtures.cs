using Grains.Abstractions;

namespace Grains.Tests.Events;

/// <summary>Creates venues and events with fresh ids for grain tests.</summary>
internal static class EventFixtures
{
    public static readonly Caller Organizer = new() { UserId = "organizer-1" };

    public static Caller Buyer(string id) => new() { UserId = id };

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static async Task<string> CreateReservedEventAsync(IGrainFactory grains, int sections, int rows, int seatsPerRow, int holdTtlSeconds = 180, int maxSeatsPerHold = 10, EventDefinition? definition = null)
    {
        var venueId = NewId();
        var venue = await grains.GetGrain<IVenueGrain>(venueId).Create(new CreateVenue
        {
            Caller = Organizer,
            Name = "Hall",
            Sections = Enumerable.Range(1, sections).Select(s => new SectionDefinition
            {
                Name = $"S{s}",
                Rows = Enumerable.Range(1, rows).Select(r => new RowDefinition { Name = $"R{r}", Seats = seatsPerRow }).ToList(),
            }).ToList(),
        });
        Assert.True(venue.Succeeded, venue.Failure?.Detail);
        var eventId = NewId();
        var created = await grains.GetGrain<IEventGrain>(eventId).Create(new CreateEvent
        {
            Caller = Organizer,
            VenueId = venueId,
            Definition = definition ?? Definition(holdTtlSeconds, maxSeatsPerHold),
        });
        Assert.True(created.Succeeded, created.Failure?.Detail);
        return eventId;
    }

    public static EventDefinition Definition(int holdTtlSeconds = 180, int maxSeatsPerHold = 10) => new()
    {
        Slug = "event-" + NewId(),
        Title = "Concert",
        StartAt = new DateTimeOffset(2027, 6, 1, 19, 0, 0, TimeSpan.Zero),
        EndAt = new DateTimeOffset(2027, 6, 1, 22, 0, 0, TimeSpan.Zero),
        Prices = new Dictionary<string, decimal> { ["default"] = 25m },
        Currency = "EUR",
        HoldTtlSeconds = holdTtlSeconds,
        MaxSeatsPerHold = maxSeatsPerHold,
    };
}
