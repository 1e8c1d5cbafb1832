namespace Grains.Tickets;

public enum CheckInStatus
{
    /// <summary>This scan admitted the ticket.</summary>
    Admitted,

    /// <summary>The ticket was admitted by another scan before; the result names that one.</summary>
    Duplicate,

    /// <summary>The ticket's booking was cancelled before the scan.</summary>
    Cancelled,
}
