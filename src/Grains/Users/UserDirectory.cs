using Grains.Abstractions;
using Microsoft.Extensions.Options;

namespace Grains.Users;

/// <summary>
/// Answers filters from the index: with criteria it reads only the users matching the most
/// selective one (text criteria are probed with bounded COUNT queries), checks the others in
/// memory, sorts and pages; without criteria it reads at most page x pageSize entries per shard
/// of the sort index. See docs/users.md.
/// </summary>
internal sealed class UserDirectory(UserIndexStore store, IOptions<UserDirectoryOptions> options) : IUserDirectory
{
    private readonly UserDirectoryOptions _options = options.Value;

    public async Task<Outcome<UserPage>> FilterAsync(UserFilter filter, CancellationToken cancellationToken)
    {
        var errors = UserFilterRules.Validate(filter);
        if (errors.Count > 0) return UserFilterRules.ToFailure(errors);
        var sortField = UserFilterRules.SortField(filter)!;
        var descending = UserFilterRules.Descending(filter);
        var skip = (long)(filter.Page - 1) * filter.PageSize;

        if (!UserFilterRules.HasCriteria(filter))
        {
            var total = await store.CountAsync(cancellationToken);
            var take = skip + filter.PageSize;
            if (take > _options.MaxCandidates) return TooBroad($"Page {filter.Page} of size {filter.PageSize} reaches past {_options.MaxCandidates} users; add criteria.");
            var top = skip >= total ? new List<UserIndexEntry>() : await store.TopAsync(sortField, descending, (int)take, cancellationToken);
            return Outcome<UserPage>.Ok(Page(filter, top.Skip((int)skip).Select(e => e.ToSummary()).ToList(), total));
        }

        var matches = await MatchesAsync(filter, cancellationToken);
        if (matches is null) return TooBroad($"The filter matches more than {_options.MaxCandidates} candidates; add criteria.");
        var keyed = matches.Select(e => e.ToSummary()).Select(s => (Summary: s, Key: UserIndexStore.SortKey(s, sortField)));
        var ordered = (descending ? keyed.OrderByDescending(k => k.Key, StringComparer.Ordinal) : keyed.OrderBy(k => k.Key, StringComparer.Ordinal)).ToList();
        var items = ordered.Skip((int)Math.Min(skip, int.MaxValue)).Take(filter.PageSize).Select(k => k.Summary).ToList();
        return Outcome<UserPage>.Ok(Page(filter, items, ordered.Count));
    }

    public async Task<Outcome<IReadOnlyList<string>>> MatchAllAsync(UserFilter filter, CancellationToken cancellationToken)
    {
        var errors = UserFilterRules.Validate(filter with { Page = 1, PageSize = 1, SortBy = null, SortOrder = null });
        if (errors.Count > 0) return UserFilterRules.ToFailure(errors);
        if (!UserFilterRules.HasCriteria(filter)) return Outcome<IReadOnlyList<string>>.Ok((await store.AllIdsAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList());
        var matches = await MatchesAsync(filter, cancellationToken);
        if (matches is null) return Failure.Unprocessable("Filter too broad", $"The filter matches more than {_options.MaxCandidates} candidates; add criteria.");
        return Outcome<IReadOnlyList<string>>.Ok(matches.Select(e => e.Id).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Index entries satisfying every criterion; null when the driving criterion alone exceeds the candidate limit.</summary>
    private async Task<List<UserIndexEntry>?> MatchesAsync(UserFilter filter, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(filter, cancellationToken);
        return candidates?.Where(e => Matches(e, filter)).ToList();
    }

    private async Task<List<UserIndexEntry>?> CandidatesAsync(UserFilter filter, CancellationToken cancellationToken)
    {
        var text = UserFilterRules.NormalizedText(filter).ToList();
        if (text.Count > 0)
        {
            var driver = text[0];
            if (text.Count > 1)
            {
                var counts = await Task.WhenAll(text.Select(t => store.CountTextAsync(t.Field, t.Value, _options.ProbeLimit, cancellationToken)));
                driver = text[Array.IndexOf(counts, counts.Min())];
            }

            return await store.QueryTextAsync(driver.Field, driver.Value, _options.MaxCandidates, cancellationToken);
        }

        var ranges = new List<(string Field, (int Min, int Max) Range)>();
        if (UserFilterRules.HostedRange(filter) is { } hosted) ranges.Add((UserFilterRules.HostedEventCount, hosted));
        if (UserFilterRules.AttendedRange(filter) is { } attended) ranges.Add((UserFilterRules.AttendedEventCount, attended));
        var range = ranges[0];
        if (ranges.Count > 1)
        {
            var counts = await Task.WhenAll(ranges.Select(r => store.CountRangeAsync(r.Field, r.Range, _options.ProbeLimit, cancellationToken)));
            range = ranges[Array.IndexOf(counts, counts.Min())];
        }

        return await store.QueryRangeAsync(range.Field, range.Range, _options.MaxCandidates, cancellationToken);
    }

    private static bool Matches(UserIndexEntry entry, UserFilter filter)
    {
        var profile = entry.Profile;
        return Same(profile.Company, filter.Company)
            && Same(profile.JobTitle, filter.JobTitle)
            && Same(profile.City, filter.City)
            && Same(profile.State, filter.State)
            && Within(entry.HostedEventCount, filter.HostedEventCountMin, filter.HostedEventCountMax)
            && Within(entry.AttendedEventCount, filter.AttendedEventCountMin, filter.AttendedEventCountMax);
    }

    private static bool Same(string? value, string? criterion) =>
        UserProfileRules.NormalizeKey(criterion) is not { } wanted || UserProfileRules.NormalizeKey(value) == wanted;

    private static bool Within(int value, int? min, int? max) => (min is null || value >= min) && (max is null || value <= max);

    private static UserPage Page(UserFilter filter, IReadOnlyList<UserSummary> items, int total) => new()
    {
        Items = items,
        Page = filter.Page,
        PageSize = filter.PageSize,
        Total = total,
        TotalPages = (total + filter.PageSize - 1) / filter.PageSize,
    };

    private static Failure TooBroad(string detail) => Failure.Unprocessable("Filter too broad", detail);
}
