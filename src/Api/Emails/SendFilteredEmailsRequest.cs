using Api.Requests;
using Api.Users;
using Grains.Abstractions;
using Grains.Users;

namespace Api.Emails;

/// <summary>An email to every user matching the filter fields when the campaign starts.</summary>
public sealed record SendFilteredEmailsRequest(
    string? Subject,
    string? Message,
    string? Company,
    string? JobTitle,
    string? City,
    string? State,
    int? HostedEventCountMin,
    int? HostedEventCountMax,
    int? AttendedEventCountMin,
    int? AttendedEventCountMax) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        EmailsApi.ValidateContent(errors, Subject, Message);
        foreach (var (field, messages) in UserFilterRules.Validate(ToFilter()))
        {
            foreach (var message in messages) errors.Add(field, message);
        }
    }

    public UserFilter ToFilter() => new()
    {
        Company = Company,
        JobTitle = JobTitle,
        City = City,
        State = State,
        HostedEventCountMin = HostedEventCountMin,
        HostedEventCountMax = HostedEventCountMax,
        AttendedEventCountMin = AttendedEventCountMin,
        AttendedEventCountMax = AttendedEventCountMax,
    };

    public StartCampaign ToCommand(Caller caller) => new()
    {
        RequestedBy = caller.UserId,
        Subject = Subject!,
        Message = Message!,
        Filter = ToFilter(),
    };
}
