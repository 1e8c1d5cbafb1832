namespace Grains.Email.Ses;

internal sealed record SesDestination(IReadOnlyList<string> ToAddresses);
