namespace Grains.Abstractions;

/// <summary>Why an operation was refused; the API turns it into an RFC 9457 problem.</summary>
[GenerateSerializer, Immutable, Alias("Failure")]
public sealed record Failure
{
    [Id(0)]
    public required FailureKind Kind { get; init; }

    /// <summary>Names the problem, e.g. "Seats unavailable".</summary>
    [Id(1)]
    public required string Title { get; init; }

    [Id(2)]
    public required string Detail { get; init; }

    /// <summary>Seats that could not be held, for <see cref="FailureKind.Conflict"/> on holds.</summary>
    [Id(3)]
    public IReadOnlyList<string>? UnavailableSeats { get; init; }

    public static Failure NotFound(string title, string detail) => new() { Kind = FailureKind.NotFound, Title = title, Detail = detail };

    public static Failure Forbidden(string detail) => new() { Kind = FailureKind.Forbidden, Title = "Forbidden", Detail = detail };

    public static Failure Conflict(string title, string detail) => new() { Kind = FailureKind.Conflict, Title = title, Detail = detail };

    public static Failure Gone(string title, string detail) => new() { Kind = FailureKind.Gone, Title = title, Detail = detail };

    public static Failure Invalid(string title, string detail) => new() { Kind = FailureKind.Invalid, Title = title, Detail = detail };

    public static Failure Unprocessable(string title, string detail) => new() { Kind = FailureKind.Unprocessable, Title = title, Detail = detail };
}
