namespace Grains.Email.Ses;

// Body of SES v2 SendEmail (POST /v2/email/outbound-emails); property names are the API's.
internal sealed record SendEmailRequest(
    string FromEmailAddress,
    SesDestination Destination,
    SesContent Content,
    IReadOnlyList<SesMessageTag>? EmailTags,
    string? ConfigurationSetName);
