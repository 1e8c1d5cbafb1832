namespace Grains.Events.Seating;

/// <summary>Input description of one row; seats are numbered 1..<see cref="SeatCount"/>.</summary>
public sealed record SeatRowLayout(string Name, int SeatCount);
