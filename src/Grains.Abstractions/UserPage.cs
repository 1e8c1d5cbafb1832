namespace Grains.Abstractions;

/// <summary>One page of filtered users.</summary>
[GenerateSerializer, Immutable, Alias("UserPage")]
public sealed record UserPage
{
    [Id(0)]
    public required IReadOnlyList<UserSummary> Items { get; init; }

    [Id(1)]
    public required int Page { get; init; }

    [Id(2)]
    public required int PageSize { get; init; }

    /// <summary>Users matching the filter, over all pages.</summary>
    [Id(3)]
    public required int Total { get; init; }

    [Id(4)]
    public required int TotalPages { get; init; }
}
