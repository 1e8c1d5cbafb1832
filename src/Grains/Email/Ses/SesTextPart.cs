namespace Grains.Email.Ses;

internal sealed record SesTextPart(string Data, string Charset);
