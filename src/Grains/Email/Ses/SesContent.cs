namespace Grains.Email.Ses;

internal sealed record SesContent(SesSimpleMessage Simple);
