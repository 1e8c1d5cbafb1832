using Runtime;

namespace Grains.Abstractions;

/// <summary>A user: profile, engagement counters and booking index (key = user id).</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Applies an outbox message once; returns false when it was already applied.</summary>
    Task<bool> Apply(EngagementMessage message);

    Task<IReadOnlyList<UserBooking>> GetBookings();
}
