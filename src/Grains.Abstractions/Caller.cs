namespace Grains.Abstractions;

/// <summary>Who asks: the authenticated user and whether they are an administrator or door staff.</summary>
[GenerateSerializer, Immutable, Alias("Caller")]
public sealed record Caller
{
    [Id(0)]
    public required string UserId { get; init; }

    [Id(1)]
    public bool IsAdmin { get; init; }

    /// <summary>Door staff: may read an event's ticket key and check tickets in.</summary>
    [Id(2)]
    public bool IsStaff { get; init; }
}
