namespace Api.Tracking;

/// <summary>The public tracking state of one email (no recipient, no content).</summary>
public sealed record EmailTrackingStatus(
    string EmailId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? FailedAt);
