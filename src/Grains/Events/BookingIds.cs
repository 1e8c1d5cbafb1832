using System.Globalization;

namespace Grains.Events;

/// <summary>
/// Holds and bookings are numbered per event, which keeps journal entries and memory small.
/// A hold id is "h-{n}" (only meaningful within its event); a booking id is "b{n}-{eventId}",
/// unique across events because user indexes and emails are keyed by it.
/// </summary>
public static class BookingIds
{
    public static string Format(string eventId, int booking) => "b" + booking.ToString(CultureInfo.InvariantCulture) + "-" + eventId;

    public static string FormatHold(int hold) => "h-" + hold.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string eventId, string? id, out int booking)
    {
        booking = 0;
        if (id is null || id.Length < 3 || id[0] != 'b') return false;
        var dash = id.IndexOf('-');
        return dash > 1
            && id.AsSpan(dash + 1).SequenceEqual(eventId)
            && int.TryParse(id.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out booking)
            && booking > 0;
    }

    public static bool TryParseHold(string? id, out int hold)
    {
        hold = 0;
        return id is not null && id.StartsWith("h-", StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out hold) && hold > 0;
    }
}
