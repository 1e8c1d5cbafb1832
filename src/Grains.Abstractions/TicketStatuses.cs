namespace Grains.Abstractions;

/// <summary>The values of <see cref="TicketView.Status"/>.</summary>
public static class TicketStatuses
{
    public const string Valid = "valid";
    public const string CheckedIn = "checkedIn";
    public const string Cancelled = "cancelled";
}
