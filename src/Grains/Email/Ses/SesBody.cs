namespace Grains.Email.Ses;

internal sealed record SesBody(SesTextPart Text, SesTextPart? Html);
