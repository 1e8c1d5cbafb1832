namespace Grains.Abstractions;

/// <summary>Who asks: the authenticated user and whether they are an administrator.</summary>
[GenerateSerializer, Immutable, Alias("Caller")]
public sealed record Caller
{
    [Id(0)]
    public required string UserId { get; init; }

    [Id(1)]
    public bool IsAdmin { get; init; }
}
