namespace Grains.Abstractions;

/// <summary>A user's profile with its engagement counters.</summary>
[GenerateSerializer, Immutable, Alias("UserView")]
public sealed record UserView
{
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required string FirstName { get; init; }

    [Id(2)]
    public required string LastName { get; init; }

    [Id(3)]
    public required string Email { get; init; }

    [Id(4)]
    public string? PhoneNumber { get; init; }

    [Id(5)]
    public string? Avatar { get; init; }

    [Id(6)]
    public string? Gender { get; init; }

    [Id(7)]
    public string? JobTitle { get; init; }

    [Id(8)]
    public string? Company { get; init; }

    [Id(9)]
    public string? City { get; init; }

    [Id(10)]
    public string? State { get; init; }

    [Id(11)]
    public required int HostedEventCount { get; init; }

    [Id(12)]
    public required int AttendedEventCount { get; init; }

    [Id(13)]
    public required int BookingCount { get; init; }

    [Id(14)]
    public required int CancellationCount { get; init; }

    [Id(15)]
    public required long EmailsSent { get; init; }

    [Id(16)]
    public required long EmailsOpened { get; init; }

    [Id(17)]
    public required DateTimeOffset CreatedAt { get; init; }

    [Id(18)]
    public required DateTimeOffset UpdatedAt { get; init; }
}
