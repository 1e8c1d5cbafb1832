namespace OrleansDynamoDb.Tests.Storage;

/// <summary>State of <see cref="CounterGrain"/>, stored by the silo's default grain storage serializer.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string? Note { get; set; }
}
