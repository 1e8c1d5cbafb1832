namespace Grains.Abstractions;

/// <summary>
/// Criteria of GET /users/filter and POST /emails/send-filtered. Text criteria match whole values,
/// case-insensitively; count ranges are inclusive. Every criterion given must hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("UserFilter")]
public sealed record UserFilter
{
    [Id(0)]
    public string? Company { get; init; }

    [Id(1)]
    public string? JobTitle { get; init; }

    [Id(2)]
    public string? City { get; init; }

    [Id(3)]
    public string? State { get; init; }

    [Id(4)]
    public int? HostedEventCountMin { get; init; }

    [Id(5)]
    public int? HostedEventCountMax { get; init; }

    [Id(6)]
    public int? AttendedEventCountMin { get; init; }

    [Id(7)]
    public int? AttendedEventCountMax { get; init; }

    /// <summary>1-based page number. Default 1.</summary>
    [Id(8)]
    public int Page { get; init; } = 1;

    /// <summary>Users per page, 1..100. Default 20.</summary>
    [Id(9)]
    public int PageSize { get; init; } = 20;

    /// <summary>createdAt (default), firstName, lastName, email, company, jobTitle, city, state, hostedEventCount or attendedEventCount.</summary>
    [Id(10)]
    public string? SortBy { get; init; }

    /// <summary>asc (default) or desc.</summary>
    [Id(11)]
    public string? SortOrder { get; init; }
}
