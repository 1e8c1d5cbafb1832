namespace Grains.Abstractions;

/// <summary>The CRM profile of a user, as created through POST /users.</summary>
[GenerateSerializer, Immutable, Alias("UserProfile")]
public sealed record UserProfile
{
    [Id(0)]
    public required string FirstName { get; init; }

    [Id(1)]
    public required string LastName { get; init; }

    /// <summary>Unique across users (compared case-insensitively).</summary>
    [Id(2)]
    public required string Email { get; init; }

    [Id(3)]
    public string? PhoneNumber { get; init; }

    /// <summary>URL of the user's picture.</summary>
    [Id(4)]
    public string? Avatar { get; init; }

    /// <summary>male, female, other or prefer_not_to_say (see <see cref="Genders"/>).</summary>
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
