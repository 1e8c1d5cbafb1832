namespace Grains.Email.Ses;

/// <summary>The email was not accepted.</summary>
/// <param name="StatusCode">HTTP status code of SES's answer, or 0 when there was no answer (network failure, timeout).</param>
/// <param name="Reason">SES's error type and message, or the failure's description.</param>
/// <param name="Retriable">
/// <see langword="true"/> for throttling (429), server errors (5xx), timeouts and network failures, where the same
/// request may succeed later; <see langword="false"/> for other client errors (4xx), which repeat on retry.
/// </param>
public sealed record EmailRejected(int StatusCode, string Reason, bool Retriable) : SendEmailResult;
