namespace LoadTest.Metrics;

/// <summary>The measured operations, in report order.</summary>
internal enum Operation
{
    Ceiling = 0,
    Hold = 1,
    Confirm = 2,
    Release = 3,
}

internal static class Operations
{
    public const int Count = 4;

    public static readonly Operation[] All = [Operation.Ceiling, Operation.Hold, Operation.Confirm, Operation.Release];

    public static string Name(Operation operation) => operation switch
    {
        Operation.Ceiling => "ceiling",
        Operation.Hold => "hold",
        Operation.Confirm => "confirm",
        Operation.Release => "release",
        _ => operation.ToString().ToLowerInvariant(),
    };
}
