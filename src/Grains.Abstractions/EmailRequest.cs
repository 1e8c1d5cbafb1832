namespace Grains.Abstractions;

/// <summary>What an email grain sends, once: to one user, with HTML and text bodies.</summary>
[GenerateSerializer, Immutable, Alias("EmailRequest")]
public sealed record EmailRequest
{
    [Id(0)]
    public required string UserId { get; init; }

    /// <summary>Recipient address; null when the user has none (the email then fails without a send).</summary>
    [Id(1)]
    public string? To { get; init; }

    [Id(2)]
    public required string Subject { get; init; }

    [Id(3)]
    public required string TextBody { get; init; }

    /// <summary>HTML body without the tracking pixel; the email grain appends it.</summary>
    [Id(4)]
    public required string HtmlBody { get; init; }

    /// <summary>See <see cref="EmailKinds"/>.</summary>
    [Id(5)]
    public required string Kind { get; init; }

    [Id(6)]
    public string? CampaignId { get; init; }

    [Id(7)]
    public string? BookingId { get; init; }
}
