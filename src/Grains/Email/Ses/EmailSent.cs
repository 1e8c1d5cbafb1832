namespace Grains.Email.Ses;

/// <summary>SES accepted the email.</summary>
/// <param name="MessageId">The id SES assigned to the email.</param>
public sealed record EmailSent(string MessageId) : SendEmailResult;
