namespace Grains.Events.Seating;

/// <summary>Input description of one section; rows are listed best (nearest the stage) first.</summary>
public sealed record SeatSectionLayout(string Name, string SeatType, IReadOnlyList<SeatRowLayout> Rows);
