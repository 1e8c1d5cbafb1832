namespace Grains.Abstractions;

/// <summary>
/// An email to many users: either the given <see cref="UserIds"/> or everyone matching
/// <see cref="Filter"/> at the moment the campaign starts (the recipient set is fixed then).
/// </summary>
[GenerateSerializer, Immutable, Alias("StartCampaign")]
public sealed record StartCampaign
{
    [Id(0)]
    public required string RequestedBy { get; init; }

    [Id(1)]
    public required string Subject { get; init; }

    /// <summary>Plain text; the HTML body is derived from it (encoded, paragraphs kept).</summary>
    [Id(2)]
    public required string Message { get; init; }

    [Id(3)]
    public IReadOnlyList<string>? UserIds { get; init; }

    [Id(4)]
    public UserFilter? Filter { get; init; }
}
