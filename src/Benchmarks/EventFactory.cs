using Grains.Abstractions;
using Grains.Events;
using Grains.Events.Journal;

namespace Benchmarks;

/// <summary>Builds event states the way the grain does: by applying journal changes.</summary>
internal static class EventFactory
{
    public static readonly DateTimeOffset Start = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Sections of 50 rows of 100 seats, as many as needed for <paramref name="seats"/>.</summary>
    public static EventState Create(int seats)
    {
        var rows = seats / 100;
        var sections = Enumerable.Range(0, (rows + 49) / 50).Select(s => new SectionDefinition
        {
            Name = $"S{s + 1}",
            Rows = Enumerable.Range(0, Math.Min(50, rows - (s * 50))).Select(r => new RowDefinition { Name = $"R{r + 1}", Seats = 100 }).ToList(),
        }).ToList();
        var state = new EventState("bench");
        state.Apply(new EventCreated(
            new EventDefinition
            {
                Slug = "bench",
                Title = "Bench",
                StartAt = Start.AddDays(30),
                EndAt = Start.AddDays(30).AddHours(3),
                Prices = new Dictionary<string, decimal> { ["default"] = 25m },
            },
            "organizer",
            "venue",
            sections,
            seats,
            Draft: false,
            Start,
            null));
        return state;
    }
}
