using Grains.Abstractions;

namespace Grains.Users;

/// <summary>Validation of filters and the sort fields they may use.</summary>
public static class UserFilterRules
{
    public const int MaxPageSize = 100;

    public const string CreatedAt = "createdAt";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Email = "email";
    public const string Company = "company";
    public const string JobTitle = "jobTitle";
    public const string City = "city";
    public const string State = "state";
    public const string HostedEventCount = "hostedEventCount";
    public const string AttendedEventCount = "attendedEventCount";

    public static IReadOnlyList<string> SortFields { get; } =
        [CreatedAt, FirstName, LastName, Email, Company, JobTitle, City, State, HostedEventCount, AttendedEventCount];

    /// <summary>Sort fields an index keeps in order, usable without any criterion.</summary>
    public static IReadOnlyList<string> IndexedSortFields { get; } = [CreatedAt, LastName, HostedEventCount, AttendedEventCount];

    /// <summary>The canonical sort field (case-insensitive match), createdAt by default; null when unknown.</summary>
    public static string? SortField(UserFilter filter) =>
        string.IsNullOrWhiteSpace(filter.SortBy) ? CreatedAt : SortFields.FirstOrDefault(f => string.Equals(f, filter.SortBy.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool Descending(UserFilter filter) => string.Equals(filter.SortOrder?.Trim(), "desc", StringComparison.OrdinalIgnoreCase);

    public static bool HasCriteria(UserFilter filter) =>
        NormalizedText(filter).Any() || HostedRange(filter) is not null || AttendedRange(filter) is not null;

    /// <summary>(attribute, normalized value) of each text criterion given.</summary>
    public static IEnumerable<(string Field, string Value)> NormalizedText(UserFilter filter)
    {
        if (UserProfileRules.NormalizeKey(filter.Company) is { } company) yield return (Company, company);
        if (UserProfileRules.NormalizeKey(filter.JobTitle) is { } jobTitle) yield return (JobTitle, jobTitle);
        if (UserProfileRules.NormalizeKey(filter.City) is { } city) yield return (City, city);
        if (UserProfileRules.NormalizeKey(filter.State) is { } state) yield return (State, state);
    }

    /// <summary>The hosted count range when it excludes someone (min above 0 or a max), else null.</summary>
    public static (int Min, int Max)? HostedRange(UserFilter filter) => Range(filter.HostedEventCountMin, filter.HostedEventCountMax);

    public static (int Min, int Max)? AttendedRange(UserFilter filter) => Range(filter.AttendedEventCountMin, filter.AttendedEventCountMax);

    /// <summary>Parameter name (camelCase, as in the query string) to messages; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(UserFilter filter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (filter.Page < 1) errors["page"] = ["Page starts at 1."];
        if (filter.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Page size must be between 1 and {MaxPageSize}."];
        var sort = SortField(filter);
        if (sort is null)
        {
            errors["sortBy"] = [$"Sort by one of {string.Join(", ", SortFields)}."];
        }
        else if (!HasCriteria(filter) && !IndexedSortFields.Contains(sort))
        {
            errors["sortBy"] = [$"Without criteria, sort by one of {string.Join(", ", IndexedSortFields)} (kept in index order); '{sort}' needs at least one criterion."];
        }

        if (filter.SortOrder is { } order && !string.Equals(order.Trim(), "asc", StringComparison.OrdinalIgnoreCase) && !string.Equals(order.Trim(), "desc", StringComparison.OrdinalIgnoreCase))
        {
            errors["sortOrder"] = ["Sort order is asc or desc."];
        }

        RangeErrors(errors, "hostedEventCount", filter.HostedEventCountMin, filter.HostedEventCountMax);
        RangeErrors(errors, "attendedEventCount", filter.AttendedEventCountMin, filter.AttendedEventCountMax);
        return errors;
    }

    public static Failure ToFailure(Dictionary<string, string[]> errors) =>
        Failure.Invalid("Invalid filter", string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));

    private static (int Min, int Max)? Range(int? min, int? max)
    {
        if (min is null or <= 0 && max is null) return null;
        return (Math.Max(0, min ?? 0), max ?? int.MaxValue);
    }

    private static void RangeErrors(Dictionary<string, string[]> errors, string name, int? min, int? max)
    {
        if (min < 0) errors[name + "Min"] = ["Must not be negative."];
        if (max < 0) errors[name + "Max"] = ["Must not be negative."];
        if (min is { } lo && max is { } hi && lo > hi) errors[name + "Max"] = [$"Must not be below {name}Min ({lo})."];
    }
}
