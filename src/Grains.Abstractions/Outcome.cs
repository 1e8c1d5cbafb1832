namespace Grains.Abstractions;

/// <summary>
/// The answer of a grain operation: a value, or a failure that is an expected outcome (seat
/// taken, hold expired...). <see cref="Created"/> is false when the operation was a replay.
/// </summary>
[GenerateSerializer, Immutable, Alias("Outcome`1")]
public sealed record Outcome<T>
{
    [Id(0)]
    public T? Value { get; init; }

    [Id(1)]
    public Failure? Failure { get; init; }

    [Id(2)]
    public bool Created { get; init; }

    public bool Succeeded => Failure is null;

    public static Outcome<T> Ok(T value, bool created = false) => new() { Value = value, Created = created };

    public static Outcome<T> Fail(Failure failure) => new() { Failure = failure };

    public static implicit operator Outcome<T>(Failure failure) => Fail(failure);
}
