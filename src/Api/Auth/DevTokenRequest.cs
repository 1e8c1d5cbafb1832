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
            if (Roles![i] is not { } role || !Auth.Roles.IsKnown(role)) errors.Add($"roles[{i}]", $"Known roles are '{Auth.Roles.Organizer}' and '{Auth.Roles.Admin}'.");
        }
    }
}

public sealed record DevTokenResponse(string Token);
