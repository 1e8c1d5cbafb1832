namespace OrleansDynamoDb.Tests.Storage;

/// <summary>The state the storage tests write: a string, an int and a long, compared by value.</summary>
public sealed record TestState
{
    public string? A { get; init; }

    public int B { get; init; }

    public long C { get; init; }
}
