namespace Grains.Abstractions;

/// <summary>One page of filtered users.</summary>
public sealed record UserPage
{
    public required IReadOnlyList<UserSummary> Items { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    /// <summary>Users matching the filter, over all pages.</summary>
    public required int Total { get; init; }

    public required int TotalPages { get; init; }
}
