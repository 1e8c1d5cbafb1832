using System.Text.Json.Serialization;
using Grains.Abstractions;

namespace Grains.Email;

/// <summary>One item of the email tracking table: an email's request metadata and where it is in its life.</summary>
public sealed record EmailRecord
{
    public required string EmailId { get; init; }

    public required string UserId { get; init; }

    public string? Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Kind { get; init; }

    public string? CampaignId { get; init; }

    public string? BookingId { get; init; }

    /// <summary>See <see cref="EmailStatuses"/>.</summary>
    public required string Status { get; init; }

    public int Attempts { get; init; }

    /// <summary>Set while an SES call is in flight: found set by a later activation, the outcome of that call is unknown.</summary>
    public DateTimeOffset? SendingSince { get; init; }

    public string? SesMessageId { get; init; }

    public string? Error { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    [JsonIgnore]
    public bool IsFinal => Status is EmailStatuses.Sent or EmailStatuses.Opened or EmailStatuses.Failed;

    public EmailView ToView() => new()
    {
        EmailId = EmailId,
        UserId = UserId,
        Recipient = Recipient,
        Subject = Subject,
        Status = Status,
        Kind = Kind,
        CampaignId = CampaignId,
        BookingId = BookingId,
        Attempts = Attempts,
        SesMessageId = SesMessageId,
        Error = Error,
        CreatedAt = CreatedAt,
        SentAt = SentAt,
        OpenedAt = OpenedAt,
        FailedAt = FailedAt,
    };
}
