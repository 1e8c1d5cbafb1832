namespace Grains.Abstractions;

/// <summary>Expected failure kinds; each maps to one HTTP status (404, 403, 409, 410, 400, 422).</summary>
public enum FailureKind
{
    NotFound,
    Forbidden,
    Conflict,
    Gone,
    Invalid,
    Unprocessable,
}
