using Api.Requests;

namespace Api.Holds;

/// <summary>The body is optional: an empty confirm simply books the held seats.</summary>
public sealed record ConfirmHoldRequest(string? PaymentReference) : IValidatable
{
    public void Validate(ValidationErrors errors) => Fields.Text(errors, "paymentReference", PaymentReference, 200);
}
