namespace Grains.Abstractions;

/// <summary>The tracking record of one email (GET /track/status/{emailId}).</summary>
[GenerateSerializer, Immutable, Alias("EmailView")]
public sealed record EmailView
{
    [Id(0)]
    public required string EmailId { get; init; }

    [Id(1)]
    public required string UserId { get; init; }

    [Id(2)]
    public string? Recipient { get; init; }

    [Id(3)]
    public required string Subject { get; init; }

    /// <summary>See <see cref="EmailStatuses"/>.</summary>
    [Id(4)]
    public required string Status { get; init; }

    [Id(5)]
    public required string Kind { get; init; }

    [Id(6)]
    public string? CampaignId { get; init; }

    [Id(7)]
    public string? BookingId { get; init; }

    /// <summary>SES send attempts made.</summary>
    [Id(8)]
    public required int Attempts { get; init; }

    [Id(9)]
    public string? SesMessageId { get; init; }

    [Id(10)]
    public string? Error { get; init; }

    [Id(11)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(12)]
    public DateTimeOffset? SentAt { get; init; }

    [Id(13)]
    public DateTimeOffset? OpenedAt { get; init; }

    [Id(14)]
    public DateTimeOffset? FailedAt { get; init; }
}
