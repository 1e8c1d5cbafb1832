using Api.Requests;
using Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Problems;

/// <summary>The single place where grain failures and API refusals become RFC 9457 problem details.</summary>
public static class ApiProblems
{
    public const string UnavailableSeatsExtension = "unavailableSeats";

    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        // An empty list is kept: "none of the requested seats exist together" differs from "not about seats".
        Dictionary<string, object?>? extensions = failure.UnavailableSeats is { } seats
            ? new() { [UnavailableSeatsExtension] = seats }
            : null;
        return TypedResults.Problem(failure.Detail, statusCode: StatusCode(failure.Kind), title: failure.Title, extensions: extensions);
    }

    public static int StatusCode(FailureKind kind) => kind switch
    {
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Gone => StatusCodes.Status410Gone,
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown failure kind."),
    };

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);

    public static ValidationProblem Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.Errors, title: "The request is invalid");

    /// <summary>Null when the body may go on to a grain; otherwise the validation problem to answer.</summary>
    public static ValidationProblem? Check(IValidatable? request)
    {
        var errors = new ValidationErrors();
        if (request is null) errors.Add("body", "A JSON request body is required.");
        else request.Validate(errors);
        return errors.IsEmpty ? null : Validation(errors);
    }
}
