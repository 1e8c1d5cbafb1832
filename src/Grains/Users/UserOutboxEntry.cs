namespace Grains.Users;

/// <summary>A side effect of a user state change, kept in the durable state until done.</summary>
[GenerateSerializer, Immutable, Alias("UserOutboxEntry")]
public sealed record UserOutboxEntry
{
    public const string BookingEmail = "booking-email";
    public const string ReminderEmail = "reminder-email";
    public const string ReleaseAddress = "release-address";

    [Id(0)]
    public required string Kind { get; init; }

    /// <summary>Booking id for <see cref="BookingEmail"/> and <see cref="ReminderEmail"/>, the normalized address for <see cref="ReleaseAddress"/>.</summary>
    [Id(1)]
    public required string Target { get; init; }
}
