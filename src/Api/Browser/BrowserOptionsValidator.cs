using Microsoft.Extensions.Options;

namespace Api.Browser;

internal sealed class BrowserOptionsValidator : IValidateOptions<BrowserOptions>
{
    public ValidateOptionsResult Validate(string? name, BrowserOptions options)
    {
        var failures = new List<string>();
        foreach (var origin in options.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)))
        {
            // An origin is exactly scheme, host and port: a path or "*" would never match, or match everyone.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
            {
                failures.Add($"Browser:AllowedOrigins: '{origin}' is not an origin such as https://tickets.example.com.");
            }
        }

        if (options.PreflightMaxAge < TimeSpan.Zero) failures.Add("Browser:PreflightMaxAge cannot be negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
