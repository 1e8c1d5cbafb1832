using Api.Requests;
using Grains.Abstractions;
using Grains.Users;

namespace Api.Users;

/// <summary>Fields to change; absent fields stay as they are, an empty string clears an optional field.</summary>
public sealed record UpdateUserRequest(
    string? FirstName,
    string? LastName,
    string? Email,
    string? PhoneNumber,
    string? Avatar,
    string? Gender,
    string? JobTitle,
    string? Company,
    string? City,
    string? State) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        // Check the given fields against a profile whose other fields are valid placeholders.
        var probe = new UserProfile
        {
            FirstName = FirstName ?? "Placeholder",
            LastName = LastName ?? "Placeholder",
            Email = Email ?? "placeholder@example.com",
            PhoneNumber = string.IsNullOrEmpty(PhoneNumber) ? null : PhoneNumber,
            Avatar = string.IsNullOrEmpty(Avatar) ? null : Avatar,
            Gender = string.IsNullOrEmpty(Gender) ? null : Gender,
            JobTitle = JobTitle,
            Company = Company,
            City = City,
            State = State,
        };
        foreach (var (field, messages) in UserProfileRules.Validate(probe))
        {
            foreach (var message in messages) errors.Add(field, message);
        }
    }

    public UserProfileUpdate ToUpdate() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        Email = Email,
        PhoneNumber = PhoneNumber,
        Avatar = Avatar,
        Gender = Gender,
        JobTitle = JobTitle,
        Company = Company,
        City = City,
        State = State,
    };
}
