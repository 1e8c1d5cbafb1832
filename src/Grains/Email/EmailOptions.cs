using System.ComponentModel.DataAnnotations;

namespace Grains.Email;

/// <summary>Email tracking and campaign settings, bound from the "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// Public base URL of the API, for the open-tracking pixel (…/track/open?emailId=…) and the
    /// tickets link of booking emails (…/events/{id}/bookings/{bookingId}/tickets.pdf?access=…).
    /// Default http://localhost:8080.
    /// </summary>
    [Required]
    public string TrackingBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>SES attempts per email when SES answers with throttling or a server error. Default 3.</summary>
    [Range(1, 20)]
    public int MaxSendAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubled for each further one. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a send may be in flight before an email found still sending (its grain died mid-send)
    /// is marked FAILED instead of being sent again, which could duplicate it. Default 1 minute.
    /// </summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Emails of one campaign in flight at once. Default 8.</summary>
    [Range(1, 256)]
    public int CampaignConcurrency { get; set; } = 8;

    /// <summary>Largest recipient set of one campaign (its list is kept in the campaign's state item). Default 5,000.</summary>
    [Range(1, 8_000)]
    public int MaxCampaignRecipients { get; set; } = 5_000;

    /// <summary>Wait before pending work (undelivered emails, unfinished campaign batches) is retried in memory; a durable reminder retries after crashes. Default 5 seconds.</summary>
    public TimeSpan PendingRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shards of the global email counters (spreads counter writes). Fixed once emails exist. Default 16.</summary>
    [Range(1, 100)]
    public int StatsShards { get; set; } = 16;
}
