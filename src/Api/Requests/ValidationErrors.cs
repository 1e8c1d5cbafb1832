namespace Api.Requests;

/// <summary>Collects field errors of one request; an empty collection means the request may reach a grain.</summary>
public sealed class ValidationErrors
{
    private Dictionary<string, string[]>? _errors;

    public bool IsEmpty => _errors is null;

    public IDictionary<string, string[]> Errors => _errors ?? [];

    public void Add(string field, string message)
    {
        _errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>Adds the error when the condition fails; returns the condition.</summary>
    public bool Check(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return condition;
    }
}
