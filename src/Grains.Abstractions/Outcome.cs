namespace Grains.Abstractions;

/// <summary>
/// The answer of a grain operation: a value, or a failure that is an expected outcome (seat
/// taken, hold expired...). <see cref="Created"/> is false when the operation was a replay.
/// </summary>
public sealed record Outcome<T>
{
    public T? Value { get; init; }

    public Failure? Failure { get; init; }

    public bool Created { get; init; }

    public bool Succeeded => Failure is null;

    public static Outcome<T> Ok(T value, bool created = false) => new() { Value = value, Created = created };

    public static Outcome<T> Fail(Failure failure) => new() { Failure = failure };

    public static implicit operator Outcome<T>(Failure failure) => Fail(failure);
}
