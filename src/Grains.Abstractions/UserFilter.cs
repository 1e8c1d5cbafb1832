namespace Grains.Abstractions;

/// <summary>
/// Criteria of GET /users/filter and POST /emails/send-filtered. Text criteria match whole values,
/// case-insensitively; count ranges are inclusive. Every criterion given must hold.
/// </summary>
public sealed record UserFilter
{
    public string? Company { get; init; }

    public string? JobTitle { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public int? HostedEventCountMin { get; init; }

    public int? HostedEventCountMax { get; init; }

    public int? AttendedEventCountMin { get; init; }

    public int? AttendedEventCountMax { get; init; }

    /// <summary>1-based page number. Default 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Users per page, 1..100. Default 20.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>createdAt (default), firstName, lastName, email, company, jobTitle, city, state, hostedEventCount or attendedEventCount.</summary>
    public string? SortBy { get; init; }

    /// <summary>asc (default) or desc.</summary>
    public string? SortOrder { get; init; }
}
