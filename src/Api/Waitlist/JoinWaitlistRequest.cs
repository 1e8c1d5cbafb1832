using Api.Requests;

namespace Api.Waitlist;

public sealed record JoinWaitlistRequest(int? Quantity) : IValidatable
{
    public const int MaxQuantity = 100;

    public void Validate(ValidationErrors errors)
    {
        if (errors.Check(Quantity is not null, "quantity", "How many seats to wait for is required."))
        {
            Fields.Range(errors, "quantity", Quantity, 1, MaxQuantity);
        }
    }
}
