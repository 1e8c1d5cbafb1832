namespace Grains.Tickets;

/// <summary>Seat ids ("{section}:{row}:{number}") as a person reads them on a ticket.</summary>
public static class SeatLabels
{
    public const string GeneralAdmission = "General admission";

    public static string Describe(string? seatId)
    {
        if (seatId is null) return GeneralAdmission;
        // Row and number never contain ':'; a section name might, so it is everything before them.
        var numberAt = seatId.LastIndexOf(':');
        var rowAt = numberAt > 0 ? seatId.LastIndexOf(':', numberAt - 1) : -1;
        if (rowAt <= 0) return seatId;
        return $"Section {seatId[..rowAt]}, row {seatId[(rowAt + 1)..numberAt]}, seat {seatId[(numberAt + 1)..]}";
    }
}
