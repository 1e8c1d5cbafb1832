using Api.Requests;
using Grains.Abstractions;
using Grains.Users;

namespace Api.Users;

/// <summary>
/// A profile to create. <see cref="Id"/> defaults to the caller's own user id (the token's
/// subject); only admins create profiles for other ids.
/// </summary>
public sealed record CreateUserRequest(
    string? Id,
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
        if (Id is not null && !Fields.IsUserId(Id)) errors.Add("id", "A user id is 1 to 128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.");
        foreach (var (field, messages) in UserProfileRules.Validate(ToProfile()))
        {
            foreach (var message in messages) errors.Add(field, message);
        }
    }

    public UserProfile ToProfile() => new()
    {
        FirstName = FirstName ?? "",
        LastName = LastName ?? "",
        Email = Email ?? "",
        PhoneNumber = PhoneNumber,
        Avatar = Avatar,
        Gender = Gender,
        JobTitle = JobTitle,
        Company = Company,
        City = City,
        State = State,
    };
}
