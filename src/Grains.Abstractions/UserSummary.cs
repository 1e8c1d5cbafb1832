namespace Grains.Abstractions;

/// <summary>A user as the filter index knows it.</summary>
[GenerateSerializer, Immutable, Alias("UserSummary")]
public sealed record UserSummary
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
    public string? JobTitle { get; init; }

    [Id(5)]
    public string? Company { get; init; }

    [Id(6)]
    public string? City { get; init; }

    [Id(7)]
    public string? State { get; init; }

    [Id(8)]
    public required int HostedEventCount { get; init; }

    [Id(9)]
    public required int AttendedEventCount { get; init; }

    [Id(10)]
    public required DateTimeOffset CreatedAt { get; init; }
}
