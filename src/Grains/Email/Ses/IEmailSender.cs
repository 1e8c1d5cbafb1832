namespace Grains.Email.Ses;

/// <summary>Sends transactional emails.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/> once; retrying is left to the caller, guided by <see cref="EmailRejected.Retriable"/>.
    /// </summary>
    /// <returns><see cref="EmailSent"/> or <see cref="EmailRejected"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">No credentials are configured.</exception>
    Task<SendEmailResult> SendAsync(EmailMessage message, CancellationToken ct);
}
