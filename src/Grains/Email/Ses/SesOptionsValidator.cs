using Microsoft.Extensions.Options;

namespace Grains.Email.Ses;

internal sealed class SesOptionsValidator : IValidateOptions<SesOptions>
{
    public ValidateOptionsResult Validate(string? name, SesOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add("Ses:Region is required.");
        }

        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            failures.Add("Ses:FromAddress is required.");
        }

        if (!string.IsNullOrWhiteSpace(options.ServiceUrl) && !IsAbsoluteHttpUrl(options.ServiceUrl))
        {
            failures.Add($"Ses:ServiceUrl must be an absolute http(s) URL, not '{options.ServiceUrl}'.");
        }
        else if (failures.Count == 0 && !IsAbsoluteHttpUrl(options.ResolveServiceUrl()))
        {
            // The fallback comes from the environment, which deserves the same early failure as configuration.
            failures.Add($"{SesOptions.EndpointVariable} must be an absolute http(s) URL, not '{options.ResolveServiceUrl()}'.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add("Ses:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
