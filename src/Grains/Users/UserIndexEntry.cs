using Grains.Abstractions;

namespace Grains.Users;

/// <summary>What the filter index stores of one user, written by the user grain after each change.</summary>
public sealed record UserIndexEntry
{
    public required string Id { get; init; }

    public required UserProfile Profile { get; init; }

    public required int HostedEventCount { get; init; }

    public required int AttendedEventCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The user state revision this entry reflects; an older one never overwrites a newer one.</summary>
    public required long Revision { get; init; }

    public UserSummary ToSummary() => new()
    {
        Id = Id,
        FirstName = Profile.FirstName,
        LastName = Profile.LastName,
        Email = Profile.Email,
        JobTitle = Profile.JobTitle,
        Company = Profile.Company,
        City = Profile.City,
        State = Profile.State,
        HostedEventCount = HostedEventCount,
        AttendedEventCount = AttendedEventCount,
        CreatedAt = CreatedAt,
    };
}
