using Grains.Abstractions;

namespace Grains.Users;

public sealed class UserState
{
    public HashSet<string> Applied { get; set; } = [];

    public Dictionary<string, UserBooking> Bookings { get; set; } = [];
}
