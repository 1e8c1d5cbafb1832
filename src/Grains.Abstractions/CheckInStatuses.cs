namespace Grains.Abstractions;

/// <summary>The values of <see cref="CheckInView.Status"/>.</summary>
public static class CheckInStatuses
{
    /// <summary>This scan admitted the ticket.</summary>
    public const string Admitted = "admitted";

    /// <summary>The ticket was admitted before; <see cref="CheckInView.CheckedInAt"/> and <see cref="CheckInView.Gate"/> name that admission.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The ticket's booking was cancelled before the scan.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Not a ticket of this event: forged, altered, malformed or another event's.</summary>
    public const string Invalid = "invalid";
}
