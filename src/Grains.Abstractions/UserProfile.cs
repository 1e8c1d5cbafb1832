namespace Grains.Abstractions;

/// <summary>The CRM profile of a user, as created through POST /users.</summary>
public sealed record UserProfile
{
    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    /// <summary>Unique across users (compared case-insensitively).</summary>
    public required string Email { get; init; }

    public string? PhoneNumber { get; init; }

    /// <summary>URL of the user's picture.</summary>
    public string? Avatar { get; init; }

    /// <summary>male, female, other or prefer_not_to_say (see <see cref="Genders"/>).</summary>
    public string? Gender { get; init; }

    public string? JobTitle { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }
}
