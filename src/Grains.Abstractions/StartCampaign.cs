namespace Grains.Abstractions;

/// <summary>
/// An email to many users: either the given <see cref="UserIds"/> or everyone matching
/// <see cref="Filter"/> at the moment the campaign starts (the recipient set is fixed then).
/// </summary>
public sealed record StartCampaign
{
    public required string RequestedBy { get; init; }

    public required string Subject { get; init; }

    /// <summary>Plain text; the HTML body is derived from it (encoded, paragraphs kept).</summary>
    public required string Message { get; init; }

    public IReadOnlyList<string>? UserIds { get; init; }

    public UserFilter? Filter { get; init; }
}
