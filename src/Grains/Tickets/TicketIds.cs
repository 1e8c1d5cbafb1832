using System.Globalization;

namespace Grains.Tickets;

/// <summary>
/// A ticket id is "t{booking}-{unit}", derived from the booking number and the unit's place in the
/// booking, so the same booking always yields the same tickets and nothing per ticket has to be
/// stored to issue them. Like hold ids it is only meaningful within its event.
/// </summary>
public static class TicketIds
{
    public static string Format(int booking, int unit) =>
        "t" + booking.ToString(CultureInfo.InvariantCulture) + "-" + unit.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? id, out int booking, out int unit)
    {
        booking = 0;
        unit = 0;
        if (id is null || id.Length < 4 || id[0] != 't') return false;
        var dash = id.IndexOf('-');
        return dash > 1
            && int.TryParse(id.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out booking)
            && int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out unit)
            && booking > 0 && unit > 0
            && Format(booking, unit) == id;
    }
}
