using Api.Requests;
using Grains.Abstractions;

namespace Api.Emails;

/// <summary>An email to the given users (duplicates are sent once).</summary>
public sealed record SendEmailsRequest(IReadOnlyList<string?>? UserIds, string? Subject, string? Message) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        EmailsApi.ValidateContent(errors, Subject, Message);
        if (UserIds is null || UserIds.Count == 0) errors.Add("userIds", "At least one user id is required.");
        else if (UserIds.Count > EmailsApi.MaxRecipients) errors.Add("userIds", $"At most {EmailsApi.MaxRecipients} users per campaign.");
        else if (UserIds.Any(id => id is null || !Fields.IsUserId(id))) errors.Add("userIds", "Every entry must be a user id.");
    }

    public StartCampaign ToCommand(Caller caller) => new()
    {
        RequestedBy = caller.UserId,
        Subject = Subject!,
        Message = Message!,
        UserIds = [.. UserIds!.Select(id => id!)],
    };
}
