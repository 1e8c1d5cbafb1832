namespace LoadTest.Metrics;

/// <summary>The measured operations, in report order.</summary>
internal enum Operation
{
    Ceiling = 0,
    Hold = 1,
    Confirm = 2,
    Release = 3,
    CheckIn = 4,
}

internal static class Operations
{
    public const int Count = 5;

    public static readonly Operation[] All = [Operation.Ceiling, Operation.Hold, Operation.Confirm, Operation.Release, Operation.CheckIn];

    public static string Name(Operation operation) => operation switch
    {
        Operation.Ceiling => "ceiling",
        Operation.Hold => "hold",
        Operation.Confirm => "confirm",
        Operation.Release => "release",
        Operation.CheckIn => "check-in",
        _ => operation.ToString().ToLowerInvariant(),
    };
}
