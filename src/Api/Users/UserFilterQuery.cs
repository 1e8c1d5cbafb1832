using Grains.Abstractions;

namespace Api.Users;

/// <summary>The query string of GET /users/filter.</summary>
public sealed record UserFilterQuery(
    string? Company,
    string? JobTitle,
    string? City,
    string? State,
    int? HostedEventCountMin,
    int? HostedEventCountMax,
    int? AttendedEventCountMin,
    int? AttendedEventCountMax,
    int? Page,
    int? PageSize,
    string? SortBy,
    string? SortOrder)
{
    public UserFilter ToFilter() => new()
    {
        Company = Company,
        JobTitle = JobTitle,
        City = City,
        State = State,
        HostedEventCountMin = HostedEventCountMin,
        HostedEventCountMax = HostedEventCountMax,
        AttendedEventCountMin = AttendedEventCountMin,
        AttendedEventCountMax = AttendedEventCountMax,
        Page = Page ?? 1,
        PageSize = PageSize ?? 20,
        SortBy = SortBy,
        SortOrder = SortOrder,
    };
}
