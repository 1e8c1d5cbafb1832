using Api.Requests;

namespace Api.Auth;

public sealed record DevTokenRequest(string? UserId, IReadOnlyList<string?>? Roles) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (UserId is null) errors.Add("userId", "A user id is required.");
        else if (!Fields.IsUserId(UserId)) errors.Add("userId", "A user id has 1 to 128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit.");

        for (var i = 0; i < (Roles?.Count ?? 0); i++)
        {
            // Only organizer, staff and admin grant anything (Roles.All); other names (e.g. "customer") are carried but inert.
            if (Roles![i] is not { } role || !Fields.IsRoleName(role)) errors.Add($"roles[{i}]", $"A role is a lowercase name such as '{Auth.Roles.Organizer}' or '{Auth.Roles.Admin}'.");
        }
    }
}

public sealed record DevTokenResponse(string Token);
