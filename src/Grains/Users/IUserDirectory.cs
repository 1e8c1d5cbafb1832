using Grains.Abstractions;

namespace Grains.Users;

/// <summary>Queries over all users, answered from the filter index (never a scan of every user per request).</summary>
public interface IUserDirectory
{
    /// <summary>One page of the users matching every criterion, in the requested order.</summary>
    Task<Outcome<UserPage>> FilterAsync(UserFilter filter, CancellationToken cancellationToken);

    /// <summary>Ids of every user matching the criteria (paging ignored), for campaigns.</summary>
    Task<Outcome<IReadOnlyList<string>>> MatchAllAsync(UserFilter filter, CancellationToken cancellationToken);
}
