using Grains.Abstractions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Api.Problems;

/// <summary>Overload and retries that ran out become 503 + Retry-After, never 500: the client should simply try again.</summary>
internal sealed class GrainUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<GrainUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!GrainCall.IsUnavailable(exception)) return false;

        var overloaded = GrainFailures.IsOverloaded(exception);
        if (!overloaded) logger.LogWarning(exception, "A grain call still failed after {Attempts} attempts.", GrainCall.MaxAttempts);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = overloaded ? "Service overloaded" : "Service temporarily unavailable",
                Detail = overloaded
                    ? "Too many requests are waiting for this resource; retry after the indicated delay."
                    : "The request could not be completed right now; retry after the indicated delay.",
            },
        });
    }
}
