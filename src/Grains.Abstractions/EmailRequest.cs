namespace Grains.Abstractions;

/// <summary>What an email grain sends, once: to one user, with HTML and text bodies.</summary>
public sealed record EmailRequest
{
    public required string UserId { get; init; }

    /// <summary>Recipient address; null when the user has none (the email then fails without a send).</summary>
    public string? To { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    /// <summary>HTML body without the tracking pixel; the email grain appends it.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>See <see cref="EmailKinds"/>.</summary>
    public required string Kind { get; init; }

    public string? CampaignId { get; init; }

    public string? BookingId { get; init; }
}
