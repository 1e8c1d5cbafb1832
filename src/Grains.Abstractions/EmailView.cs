namespace Grains.Abstractions;

/// <summary>The tracking record of one email (GET /track/status/{emailId}).</summary>
public sealed record EmailView
{
    public required string EmailId { get; init; }

    public required string UserId { get; init; }

    public string? Recipient { get; init; }

    public required string Subject { get; init; }

    /// <summary>See <see cref="EmailStatuses"/>.</summary>
    public required string Status { get; init; }

    public required string Kind { get; init; }

    public string? CampaignId { get; init; }

    public string? BookingId { get; init; }

    /// <summary>SES send attempts made.</summary>
    public required int Attempts { get; init; }

    public string? SesMessageId { get; init; }

    public string? Error { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }
}
