namespace Grains.Abstractions;

/// <summary>A user as the filter index knows it.</summary>
public sealed record UserSummary
{
    public required string Id { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    public string? JobTitle { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public required int HostedEventCount { get; init; }

    public required int AttendedEventCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
