using Grains.Abstractions;

namespace Grains.Users;

/// <summary>A side effect of a user state change, kept in the durable state until done.</summary>
[GenerateSerializer, Immutable, Alias("UserOutboxEntry")]
public sealed record UserOutboxEntry
{
    public const string BookingEmail = "booking-email";
    public const string ReminderEmail = "reminder-email";
    public const string ReleaseAddress = "release-address";
    public const string WaitlistOfferEmail = "waitlist-offer-email";

    [Id(0)]
    public required string Kind { get; init; }

    /// <summary>
    /// Booking id for <see cref="BookingEmail"/> and <see cref="ReminderEmail"/>, the normalized
    /// address for <see cref="ReleaseAddress"/>, the email id for <see cref="WaitlistOfferEmail"/>.
    /// </summary>
    [Id(1)]
    public required string Target { get; init; }

    /// <summary>The offer a <see cref="WaitlistOfferEmail"/> tells of (nothing else in the user's state describes it).</summary>
    [Id(2)]
    public EngagementMessage? Offer { get; init; }

    /// <summary>For booking emails: the access token of the booking's tickets link, as the event's message carried it.</summary>
    [Id(3)]
    public string? TicketsAccess { get; init; }
}
