namespace Grains.Email.Ses;

/// <summary>One email to one recipient.</summary>
public sealed record EmailMessage
{
    /// <summary>Recipient address.</summary>
    public required string To { get; init; }

    /// <summary>Subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>Plain-text body; always sent so that text-only clients can read the email.</summary>
    public required string TextBody { get; init; }

    /// <summary>Optional HTML alternative of <see cref="TextBody"/>.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>
    /// Optional SES message tags (names and values: ASCII letters, digits, '_' and '-'), published with
    /// the email's events when a configuration set is used.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
