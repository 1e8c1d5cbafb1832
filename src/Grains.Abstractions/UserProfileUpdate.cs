namespace Grains.Abstractions;

/// <summary>A partial profile update: null leaves a field as it is, an empty string clears an optional field.</summary>
public sealed record UserProfileUpdate
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    public string? Avatar { get; init; }

    public string? Gender { get; init; }

    public string? JobTitle { get; init; }

    public string? Company { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }
}
