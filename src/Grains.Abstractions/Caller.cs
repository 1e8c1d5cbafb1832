namespace Grains.Abstractions;

/// <summary>Who asks: the authenticated user and whether they are an administrator.</summary>
public sealed record Caller
{
    public required string UserId { get; init; }

    public bool IsAdmin { get; init; }
}
