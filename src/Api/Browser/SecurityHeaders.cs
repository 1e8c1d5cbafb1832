namespace Api.Browser;

/// <summary>
/// Headers that keep browsers from misusing the API's answers: no MIME sniffing, no framing, no
/// referrer, and for JSON answers a policy that runs nothing. Swagger UI and the Orleans Dashboard
/// are pages with their own scripts and keep the framing and sniffing rules only.
/// </summary>
public static class SecurityHeaders
{
    private const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Set as the answer starts, so error answers (whose headers the exception handler clears) carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    });

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/swagger") && !path.StartsWithSegments("/dashboard")) headers.ContentSecurityPolicy = ApiContentSecurityPolicy;

        // Only over HTTPS (directly, or as the load balancer reports it): browsers ignore it on http.
        if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
        return Task.CompletedTask;
    }
}
