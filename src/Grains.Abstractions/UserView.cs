namespace Grains.Abstractions;

/// <summary>A user's profile with its engagement counters.</summary>
public sealed record UserView
{
    public required string Id { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    public string? PhoneNumber { get; init; }

    public string? Avatar { get; init; }

    public string? Gender { get; init; }

    public string? JobTitle { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public required int HostedEventCount { get; init; }

    public required int AttendedEventCount { get; init; }

    public required int BookingCount { get; init; }

    public required int CancellationCount { get; init; }

    public required long EmailsSent { get; init; }

    public required long EmailsOpened { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
