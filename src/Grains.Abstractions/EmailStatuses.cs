namespace Grains.Abstractions;

/// <summary>
/// The life of a tracked email: PENDING until SES answers, then SENT or FAILED; a SENT email
/// becomes OPENED the first time its tracking pixel is fetched.
/// </summary>
public static class EmailStatuses
{
    public const string Pending = "PENDING";
    public const string Sent = "SENT";
    public const string Opened = "OPENED";
    public const string Failed = "FAILED";
}
