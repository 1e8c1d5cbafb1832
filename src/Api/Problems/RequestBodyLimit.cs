using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Api.Problems;

/// <summary>
/// Refuses bodies above <see cref="MaxBytes"/> with 413 before anything reads them. A declared
/// Content-Length is checked up front; a chunked body is cut off by the server's limit while read.
/// </summary>
internal static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body is {context.Request.ContentLength} bytes; the limit is {MaxBytes} bytes.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        await next(context);
    });
}
