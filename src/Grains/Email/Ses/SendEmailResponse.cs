namespace Grains.Email.Ses;

internal sealed record SendEmailResponse(string? MessageId);
