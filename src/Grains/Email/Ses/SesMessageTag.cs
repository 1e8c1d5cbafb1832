namespace Grains.Email.Ses;

internal sealed record SesMessageTag(string Name, string Value);
