namespace Grains.Abstractions;

/// <summary>The statuses of a waiting list entry as the API spells them.</summary>
public static class WaitlistStatuses
{
    public const string Waiting = "waiting";
    public const string Offered = "offered";
    public const string Accepted = "accepted";
    public const string Expired = "expired";
    public const string Left = "left";
}
