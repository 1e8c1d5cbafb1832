namespace Grains.Abstractions;

/// <summary>A partial profile update: null leaves a field as it is, an empty string clears an optional field.</summary>
[GenerateSerializer, Immutable, Alias("UserProfileUpdate")]
public sealed record UserProfileUpdate
{
    [Id(0)]
    public string? FirstName { get; init; }

    [Id(1)]
    public string? LastName { get; init; }

    [Id(2)]
    public string? Email { get; init; }

    [Id(3)]
    public string? PhoneNumber { get; init; }

    [Id(4)]
    public string? Avatar { get; init; }

    [Id(5)]
    public string? Gender { get; init; }

    [Id(6)]
    public string? JobTitle { get; init; }

    [Id(7)]
    public string? Company { get; init; }

    [Id(8)]
    public string? City { get; init; }

    [Id(9)]
    public string? State { get; init; }
}
