using Runtime;

namespace Grains.Abstractions;

/// <summary>A user: profile, engagement counters and booking index (key = user id).</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Applies an outbox message once; returns false when it was already applied.</summary>
    Task<bool> Apply(EngagementMessage message);

    Task<IReadOnlyList<UserBooking>> GetBookings();

    /// <summary>Creates the profile; Conflict when the user exists or the email belongs to someone else.</summary>
    Task<Outcome<UserView>> Create(UserProfile profile);

    /// <summary>Changes the given fields; NotFound without a profile, Conflict when the new email is taken.</summary>
    Task<Outcome<UserView>> Update(UserProfileUpdate update);

    /// <summary>The profile with counters, or null when no profile was created.</summary>
    Task<UserView?> Get();

    Task<IReadOnlyList<HostedEvent>> GetHostedEvents();

    Task<UserCounters> GetCounters();

    Task<EmailStats> GetEmailStats();
}
