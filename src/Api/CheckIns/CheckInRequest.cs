using Api.Requests;

namespace Api.CheckIns;

/// <summary>One scan at an online gate: the ticket's code and, optionally, the gate's name.</summary>
public sealed record CheckInRequest(string? Code, string? Gate) : IValidatable
{
    /// <summary>Codes are 112–128 characters; anything longer than this cannot be one and is refused as malformed by the grain.</summary>
    public const int MaxCodeLength = 1024;

    public const int MaxGateLength = 64;

    public void Validate(ValidationErrors errors)
    {
        Fields.Text(errors, "code", Code, MaxCodeLength, required: true);
        Fields.Text(errors, "gate", Gate, MaxGateLength);
    }
}
