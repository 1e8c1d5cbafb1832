using Grains.Abstractions;

namespace Grains.Events.Seating;

/// <summary>Turns a venue's seat map, as callers describe it, into a <see cref="SeatLayout"/>.</summary>
public static class SeatLayouts
{
    /// <summary>Seat type of a section that names none.</summary>
    public const string DefaultSeatType = "standard";

    public static string SeatTypeOf(SectionDefinition section) => section.SeatType ?? DefaultSeatType;

    /// <exception cref="ArgumentException">the seat map breaks a layout rule; the message names it.</exception>
    public static SeatLayout FromSections(IReadOnlyList<SectionDefinition> sections) =>
        SeatLayout.Create(sections.Select(s => new SeatSectionLayout(s.Name, SeatTypeOf(s), s.Rows.Select(r => new SeatRowLayout(r.Name, r.Seats)).ToList())).ToList());
}
