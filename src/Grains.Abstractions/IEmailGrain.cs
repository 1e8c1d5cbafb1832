namespace Grains.Abstractions;

/// <summary>
/// One tracked email (key = email id, deterministic: "booking-{bookingId}", "campaign-{campaignId}-{userId}").
/// It sends at most once: repeated Send calls answer with the email's current record.
/// </summary>
[Alias("IEmailGrain")]
public interface IEmailGrain : IGrainWithStringKey
{
    /// <summary>Sends the email unless it was already sent or failed; returns its record in a final state.</summary>
    [Alias("Send")]
    Task<EmailView> Send(EmailRequest request);

    /// <summary>Marks a sent email OPENED; false when it was opened before, never sent, or unknown.</summary>
    [Alias("MarkOpened")]
    Task<bool> MarkOpened();

    [Alias("GetStatus")]
    Task<EmailView?> GetStatus();
}
