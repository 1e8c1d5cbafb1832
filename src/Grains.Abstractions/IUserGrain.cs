namespace Grains.Abstractions;

/// <summary>A user: profile, engagement counters and booking index (key = user id).</summary>
[Alias("IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Applies an outbox message once; returns false when it was already applied.</summary>
    [Alias("Apply")]
    Task<bool> Apply(EngagementMessage message);

    [Alias("GetBookings")]
    Task<IReadOnlyList<UserBooking>> GetBookings();

    /// <summary>Creates the profile; Conflict when the user exists or the email belongs to someone else.</summary>
    [Alias("Create")]
    Task<Outcome<UserView>> Create(UserProfile profile);

    /// <summary>Changes the given fields; NotFound without a profile, Conflict when the new email is taken.</summary>
    [Alias("Update")]
    Task<Outcome<UserView>> Update(UserProfileUpdate update);

    /// <summary>The profile with counters, or null when no profile was created.</summary>
    [Alias("Get")]
    Task<UserView?> Get();

    [Alias("GetHostedEvents")]
    Task<IReadOnlyList<HostedEvent>> GetHostedEvents();

    [Alias("GetCounters")]
    Task<UserCounters> GetCounters();

    [Alias("GetEmailStats")]
    Task<EmailStats> GetEmailStats();
}
