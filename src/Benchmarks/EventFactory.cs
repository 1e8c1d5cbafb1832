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
        var sections = Sections(seats, rowsPerSection: 50);
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

    /// <summary>Rows of 100 seats (<paramref name="seats"/> rounded down to whole rows), <paramref name="rowsPerSection"/> rows to a section.</summary>
    public static List<SectionDefinition> Sections(int seats, int rowsPerSection)
    {
        var rows = seats / 100;
        return Enumerable.Range(0, (rows + rowsPerSection - 1) / rowsPerSection).Select(s => new SectionDefinition
        {
            Name = $"S{s + 1}",
            Rows = Enumerable.Range(0, Math.Min(rowsPerSection, rows - (s * rowsPerSection))).Select(r => new RowDefinition { Name = $"R{r + 1}", Seats = 100 }).ToList(),
        }).ToList();
    }
}
