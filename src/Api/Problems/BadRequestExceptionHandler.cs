using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Api.Problems;

/// <summary>
/// Unreadable requests (malformed JSON, unknown or mistyped fields, oversized bodies) are the
/// client's problem: they answer 4xx problem details naming the problem, never 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        var status = badRequest.StatusCode;
        var (title, detail) = badRequest.InnerException switch
        {
            JsonException json => Describe(json),
            _ when status == StatusCodes.Status413PayloadTooLarge => ("Request body too large", "The request body exceeds the size limit."),
            _ => ("Bad request", badRequest.Message),
        };
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    // The serializer's messages name .NET types; clients need the JSON path and what was wrong there.
    private static (string Title, string Detail) Describe(JsonException json)
    {
        var message = json.Message;
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            return ("Unknown property", $"The property '{unmapped.Groups[1].Value}' is not part of this request.");
        }

        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return ("Invalid JSON value", $"The value at '{path}' has the wrong type or is out of range.");
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var reason = cut > 0 ? message[..cut] : message;
        return ("Malformed JSON", $"The request body is not valid JSON at '{path}' (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}): {reason}");
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();
}
