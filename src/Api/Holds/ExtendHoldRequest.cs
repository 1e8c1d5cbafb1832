using Api.Events;
using Api.Requests;

namespace Api.Holds;

public sealed record ExtendHoldRequest(int? TtlSeconds) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (errors.Check(TtlSeconds is not null, "ttlSeconds", "The new time-to-live is required."))
        {
            Fields.Range(errors, "ttlSeconds", TtlSeconds, EventDefinitionRules.MinHoldTtlSeconds, EventDefinitionRules.MaxHoldTtlSeconds);
        }
    }
}
