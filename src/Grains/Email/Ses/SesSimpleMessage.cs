namespace Grains.Email.Ses;

internal sealed record SesSimpleMessage(SesTextPart Subject, SesBody Body);
