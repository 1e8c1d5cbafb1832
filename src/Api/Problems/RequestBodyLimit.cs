using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Api.Problems;

/// <summary>
/// Refuses bodies above the endpoint's limit (<see cref="BodyLimits"/>) with 413 before anything
/// reads them. A declared Content-Length is checked up front; a chunked body is cut off by the
/// server's limit, set here to the endpoint's, while it is read.
/// </summary>
internal static class RequestBodyLimit
{
    /// <summary>The server-wide ceiling (Kestrel's limit): the largest endpoint limit.</summary>
    public const long MaxBytes = BodyLimits.Venue;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? BodyLimits.Default;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body is {context.Request.ContentLength} bytes; the limit of this endpoint is {limit} bytes.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        await next(context);
    });
}
